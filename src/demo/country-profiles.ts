/**
 * Where the shop's customers live: the countries it sells to, with names, cities, postal code
 * shapes and phone numbering plans plausible for each. Invented people only; e-mail addresses are
 * made on example domains (RFC 2606) by customer-profile.ts.
 */

/** A city and the shape of its postal codes: `#` is a digit, `@` an upper-case letter. */
export interface City {
  readonly name: string;
  readonly postalCode: string;
  /** Trunk area code, without the leading 0. */
  readonly areaCode: string;
}

export interface CountryProfile {
  /** ISO 3166-1 alpha-2. */
  readonly code: string;
  /** Share of the shop's customers. */
  readonly weight: number;
  readonly dialCode: string;
  /** Digits of a subscriber number after the area code. */
  readonly subscriberDigits: number;
  readonly firstNames: readonly string[];
  readonly lastNames: readonly string[];
  readonly cities: readonly City[];
}

export const COUNTRIES: readonly CountryProfile[] = [
  {
    code: 'DE',
    weight: 34,
    dialCode: '49',
    subscriberDigits: 7,
    firstNames: [
      'Anna',
      'Lukas',
      'Sophie',
      'Jonas',
      'Marie',
      'Felix',
      'Lena',
      'Paul',
      'Hannah',
      'Jürgen',
      'Katrin',
      'Tobias',
    ],
    lastNames: [
      'Schmidt',
      'Müller',
      'Weber',
      'Fischer',
      'Wagner',
      'Becker',
      'Hoffmann',
      'Schäfer',
      'Koch',
      'Richter',
      'Klein',
      'Wolf',
    ],
    cities: [
      { name: 'Berlin', postalCode: '10###', areaCode: '30' },
      { name: 'Hamburg', postalCode: '20###', areaCode: '40' },
      { name: 'München', postalCode: '80###', areaCode: '89' },
      { name: 'Köln', postalCode: '50###', areaCode: '221' },
      { name: 'Frankfurt am Main', postalCode: '60###', areaCode: '69' },
      { name: 'Leipzig', postalCode: '04###', areaCode: '341' },
    ],
  },
  {
    code: 'FR',
    weight: 18,
    dialCode: '33',
    subscriberDigits: 8,
    firstNames: [
      'Lucas',
      'Camille',
      'Hugo',
      'Léa',
      'Louis',
      'Chloé',
      'Gabriel',
      'Manon',
      'Théo',
      'Inès',
      'François',
      'Élodie',
    ],
    lastNames: [
      'Martin',
      'Bernard',
      'Dubois',
      'Thomas',
      'Robert',
      'Richard',
      'Petit',
      'Durand',
      'Leroy',
      'Moreau',
      'Lefèvre',
      'Girard',
    ],
    cities: [
      { name: 'Paris', postalCode: '750##', areaCode: '1' },
      { name: 'Lyon', postalCode: '6900#', areaCode: '4' },
      { name: 'Marseille', postalCode: '130##', areaCode: '4' },
      { name: 'Toulouse', postalCode: '310##', areaCode: '5' },
      { name: 'Lille', postalCode: '590##', areaCode: '3' },
      { name: 'Nantes', postalCode: '440##', areaCode: '2' },
    ],
  },
  {
    code: 'NL',
    weight: 10,
    dialCode: '31',
    subscriberDigits: 7,
    firstNames: ['Jan', 'Sanne', 'Daan', 'Emma', 'Bram', 'Lotte', 'Sem', 'Fenna', 'Joost', 'Anouk'],
    lastNames: [
      'de Vries',
      'Jansen',
      'de Jong',
      'Bakker',
      'Visser',
      'Smit',
      'Meijer',
      'van Dijk',
      'Mulder',
      'de Boer',
    ],
    cities: [
      { name: 'Amsterdam', postalCode: '10## @@', areaCode: '20' },
      { name: 'Rotterdam', postalCode: '30## @@', areaCode: '10' },
      { name: 'Utrecht', postalCode: '35## @@', areaCode: '30' },
      { name: 'Eindhoven', postalCode: '56## @@', areaCode: '40' },
    ],
  },
  {
    code: 'IT',
    weight: 10,
    dialCode: '39',
    subscriberDigits: 7,
    firstNames: [
      'Sofia',
      'Francesco',
      'Giulia',
      'Alessandro',
      'Chiara',
      'Lorenzo',
      'Martina',
      'Matteo',
      'Niccolò',
    ],
    lastNames: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino'],
    cities: [
      { name: 'Milano', postalCode: '201##', areaCode: '2' },
      { name: 'Roma', postalCode: '001##', areaCode: '6' },
      { name: 'Torino', postalCode: '101##', areaCode: '11' },
      { name: 'Bologna', postalCode: '401##', areaCode: '51' },
    ],
  },
  {
    code: 'ES',
    weight: 8,
    dialCode: '34',
    subscriberDigits: 7,
    firstNames: ['Lucía', 'Hugo', 'María', 'Martín', 'Paula', 'Daniel', 'Carmen', 'Pablo', 'Sofía'],
    lastNames: [
      'García',
      'Fernández',
      'González',
      'Rodríguez',
      'López',
      'Martínez',
      'Sánchez',
      'Pérez',
      'Gómez',
    ],
    cities: [
      { name: 'Madrid', postalCode: '280##', areaCode: '91' },
      { name: 'Barcelona', postalCode: '080##', areaCode: '93' },
      { name: 'Valencia', postalCode: '460##', areaCode: '96' },
      { name: 'Sevilla', postalCode: '410##', areaCode: '95' },
    ],
  },
  {
    code: 'BE',
    weight: 5,
    dialCode: '32',
    subscriberDigits: 6,
    firstNames: ['Noah', 'Olivia', 'Arthur', 'Louise', 'Jules', 'Elise', 'Victor', 'Marie'],
    lastNames: ['Peeters', 'Janssens', 'Maes', 'Jacobs', 'Willems', 'Claes', 'Dupont', 'Lambert'],
    cities: [
      { name: 'Bruxelles', postalCode: '10##', areaCode: '2' },
      { name: 'Antwerpen', postalCode: '20##', areaCode: '3' },
      { name: 'Gent', postalCode: '90##', areaCode: '9' },
    ],
  },
  {
    code: 'AT',
    weight: 5,
    dialCode: '43',
    subscriberDigits: 7,
    firstNames: ['Maximilian', 'Anna', 'David', 'Laura', 'Florian', 'Sarah', 'Stefan', 'Julia'],
    lastNames: ['Gruber', 'Huber', 'Bauer', 'Wagner', 'Pichler', 'Steiner', 'Moser', 'Mayer'],
    cities: [
      { name: 'Wien', postalCode: '1##0', areaCode: '1' },
      { name: 'Graz', postalCode: '80#0', areaCode: '316' },
      { name: 'Linz', postalCode: '40#0', areaCode: '732' },
    ],
  },
  {
    code: 'GB',
    weight: 4,
    dialCode: '44',
    subscriberDigits: 7,
    firstNames: ['Emma', 'Oliver', 'Amelia', 'George', 'Isla', 'Harry', 'Grace', 'Jack'],
    lastNames: ['Jones', 'Smith', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Evans', 'Thomas'],
    cities: [
      { name: 'London', postalCode: 'SW#@ #@@', areaCode: '20' },
      { name: 'Manchester', postalCode: 'M# #@@', areaCode: '161' },
      { name: 'Bristol', postalCode: 'BS# #@@', areaCode: '117' },
    ],
  },
  {
    code: 'PL',
    weight: 3,
    dialCode: '48',
    subscriberDigits: 7,
    firstNames: ['Zofia', 'Jakub', 'Julia', 'Antoni', 'Maja', 'Szymon', 'Hanna', 'Filip'],
    lastNames: [
      'Nowak',
      'Kowalski',
      'Wiśniewski',
      'Wójcik',
      'Kamiński',
      'Lewandowski',
      'Zieliński',
      'Szymański',
    ],
    cities: [
      { name: 'Warszawa', postalCode: '0#-###', areaCode: '22' },
      { name: 'Kraków', postalCode: '3#-###', areaCode: '12' },
      { name: 'Gdańsk', postalCode: '80-###', areaCode: '58' },
    ],
  },
  {
    code: 'SE',
    weight: 3,
    dialCode: '46',
    subscriberDigits: 7,
    firstNames: ['Alice', 'William', 'Maja', 'Hugo', 'Elsa', 'Liam', 'Astrid', 'Oskar'],
    lastNames: ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson'],
    cities: [
      { name: 'Stockholm', postalCode: '1## ##', areaCode: '8' },
      { name: 'Göteborg', postalCode: '4## ##', areaCode: '31' },
      { name: 'Malmö', postalCode: '2## ##', areaCode: '40' },
    ],
  },
];
