import type { StandardFieldKey } from './fields';

/**
 * A tiny typed i18n: one flat dictionary per language. English defines the keys; German
 * is typed `Record<MessageKey, string>`, so a missing German string fails the type check.
 *
 * Messages use `{name}` placeholders. Number values are formatted for the language
 * (1234.5 → "1,234.5" / "1.234,5"); pass a string to keep a number as it is (ids).
 *
 * Plurals: when `vars.count` is a number and the dictionary has `<key>_one`, that form is
 * used for the "one" plural category (Intl.PluralRules); `<key>` itself is the other form.
 *
 * React-free on purpose: the React context lives in components/I18n.tsx.
 */

export type Lang = 'en' | 'de';
export type LanguageSetting = 'auto' | Lang;

const en = {
  // ── General ─────────────────────────────────────────────────────────────
  loading: 'Loading…',
  back: 'Back',
  cancel: 'Cancel',
  close: 'Close',
  notAvailable: 'Not available',
  justNow: 'just now',
  listSeparator: ', ',

  // ── Field labels: one per StandardFieldKey (custom attributes bring their own label) ──
  field_name: 'Name',
  field_email: 'Email',
  field_position: 'Position',
  field_department: 'Department',
  field_team: 'Team',
  field_office: 'Office',
  field_subcompany: 'Company',
  field_supervisor: 'Supervisor',
  field_status: 'Status',
  field_hireDate: 'Hire date',
  field_vacationBalance: 'Vacation balance',
  field_absence: 'Absence',
  field_photo: 'Photo',
  field_gender: 'Gender',
  field_costCenters: 'Cost centres',
  field_weeklyHours: 'Weekly hours',
  field_employmentType: 'Employment type',

  // ── Field values ────────────────────────────────────────────────────────
  gender_male: 'Male',
  gender_female: 'Female',
  gender_diverse: 'Diverse',
  employment_internal: 'Internal',
  employment_external: 'External',
  weeklyHoursValue_one: '{count} hour a week',
  weeklyHoursValue: '{count} hours a week',
  days_one: '{count} day',
  days: '{count} days',

  // ── Person card ─────────────────────────────────────────────────────────
  personCard: 'Person',
  copy: 'Copy',
  copyEmail: 'Copy email',
  copied: 'Copied',
  copyFailed: 'Could not copy. Select the address and copy it by hand.',
  openPerson: 'Show {name}',
  supervisorNotSynced: '{name} is not synced in Sidecard',
  hireDateTenure: '{date} · {tenure}',
  startsOn: 'Starts on {date}',
  vacationLeft: '{days} left · as of {time}',
  vacationLoading: 'Loading…',
  vacationUnavailable: 'Not available',

  // ── Tenure ──────────────────────────────────────────────────────────────
  tenureYears_one: '{count} year',
  tenureYears: '{count} years',
  tenureMonths_one: '{count} month',
  tenureMonths: '{count} months',
  tenureJoin: '{years}, {months}',
  tenureLessThanMonth: 'less than a month',
  tenureStartsOn: 'starts on {date}',

  // ── Status badges ───────────────────────────────────────────────────────
  status_onboarding: 'Onboarding',
  status_active: 'Active',
  status_leave: 'On leave',
  status_inactive: 'Inactive',
  leavesOn: 'Leaves on {date}',
  lastDayToday: 'Last day today',
  leftOn: 'left on {date}',

  // ── Away badge ──────────────────────────────────────────────────────────
  awayUntil: 'Away until {date}',
  awayToday: 'Away today',
  backOn: 'back on {date}',
  awayNext: 'Away next: {range}',

  // ── Organisation (supervisor chain, direct reports) ─────────────────────
  orgHeading: 'Organisation',
  supervisorChain: 'Supervisor chain',
  supervisorChainOrder: 'Supervisor chain, nearest first',
  noSupervisor: 'No supervisor in Personio',
  chainBroken: "Chain ends: {name}'s record is not synced",
  chainBrokenUnknown: 'Chain ends: the next supervisor is not synced',
  directReports: 'Direct reports',
  directReportsCount: 'Direct reports ({count})',
  noDirectReports: 'No direct reports',

  // ── Search ──────────────────────────────────────────────────────────────
  searchPeople: 'Search people',
  searchPlaceholder: 'Name or email',
  searchResults: 'Search results',
  noResults: 'No one found',

  // ── Sync status ─────────────────────────────────────────────────────────
  syncedAgo: 'Synced {time}',
  neverSynced: 'Not synced yet',
  notConnected: 'Not connected to Personio',
  staleWarning: 'The data may be out of date: the last successful sync was a while ago.',
  syncNow: 'Sync now',
  syncing: 'Syncing…',
  syncProgress: 'Sync progress',
  syncPages: 'Page {done} of {total}',
  syncPagesUnknown: 'Page {done}',
  syncFailed: 'The last sync failed.',
  stage_starting: 'Starting the sync…',
  stage_employees: 'Fetching people…',
  'stage_time-offs': 'Fetching absences…',
  stage_sweeping: 'Tidying up…',
  stage_done: 'Sync finished',
  stage_failed: 'Sync failed',

  // ── Errors: what happened, and the fix (kinds from lib/personio/errors.ts, plus page checks) ──
  'error_bad-credentials': 'Personio rejected the client ID or secret. Check them on the options page.',
  error_forbidden: 'The API credential may not read employees. In Personio, give it read access to employees and absences.',
  'error_attribute-not-granted': 'The API credential cannot read some attributes Sidecard is set to store. Allow them on the credential in Personio, or turn those fields off on the options page.',
  'error_rate-limited': 'Personio asked Sidecard to slow down. The sync continues by itself in a few minutes.',
  error_network: 'Personio could not be reached. Check the internet connection or proxy; Sidecard will try again.',
  error_server: 'Personio reported a server error. Sidecard will try again later.',
  error_malformed: 'Personio sent data Sidecard could not read. Try again later; if it keeps happening, tell your Sidecard admin.',
  error_storage: 'The browser could not save the data (storage full or blocked). Free up disk space, then sync again.',
  error_unknown: 'Something went wrong. Try “Sync now”; if it keeps failing, reconnect on the options page.',
  error_policy: 'The browser did not answer when Sidecard read your organisation’s policy, so nothing was changed. Try again; if it keeps happening, restart the browser.',
  error_permission: 'Sidecard needs permission to reach that API address. Allow it when the browser asks.',
  'error_invalid-url': 'That is not a valid address. Enter a URL such as https://api.personio.de.',

  // ── Pages: panel, popup, options (keys the entrypoints already use) ─────
  panelExpand: 'Show the Sidecard panel',
  panelCollapse: 'Hide the Sidecard panel',
  stale: 'Out of date',
  staleHint: 'The last successful sync was a while ago; details may have changed.',
  panelNotConnected: 'Sidecard is not connected to Personio yet.',
  openOptions: 'Open settings',
  panelFirstSync: 'Sidecard is fetching people from Personio for the first time…',
  panelIdle: 'Open an email or ticket to see who wrote it.',
  participants: 'People in this conversation',
  role_from: 'From',
  role_to: 'To',
  role_cc: 'Cc',
  role_requester: 'Requester',
  external: 'not in Personio',
  notInPersonio: 'Not in Personio',
  notInPersonioHint: '{email} is not in Personio. The sender may be external or use another address.',
  optionsTitle: 'Sidecard settings',
  connectHeading: 'Connect to Personio',
  connectIntro: 'Create an API credential in Personio with read access to employees and absences, then enter its client ID and secret here.',
  clientId: 'Client ID',
  clientSecret: 'Client secret',
  replaceSecret: 'Replace',
  secretSaved: 'A secret is saved. It is stored encrypted and never shown again.',
  advanced: 'Advanced',
  apiBaseUrl: 'API base URL',
  apiBaseUrlHint: 'Change this only for a proxy or a test server.',
  testConnection: 'Test connection',
  testing: 'Testing…',
  connect: 'Connect',
  connecting: 'Connecting…',
  connected: 'Connected',
  syncHeading: 'Sync',
  connectedCount_one: 'Connected: {count} person synced.',
  connectedCount: 'Connected: {count} people synced.',
  employeeCount_one: '{count} employee',
  employeeCount: '{count} employees',
  missingGrant: 'Personio did not return {label}: tick it under “Readable employee attributes” for this credential, or turn the field off below.',
  grantedAttributes_one: '{count} readable attribute',
  grantedAttributes: '{count} readable attributes',
  dataHeading: 'Stored data',
  disconnect: 'Disconnect and delete data',
  disconnectConfirm: 'Disconnect from Personio and delete everyone Sidecard has stored in this browser?',
  disconnectYes: 'Disconnect and delete',

  // ── Options: upload, fields, filters, sync, sites, data ────────────────
  managedByOrganisation: 'Managed by your organisation',
  uploadCredentials: 'Upload credentials file',
  uploadCredentialsHint: 'The file you saved when generating the credential in Personio (JSON, CSV or text with “Client ID” and “Client secret”).',
  'credentialsFile_empty': 'That file is empty. Expected a credentials file with a Client ID and a Client secret.',
  'credentialsFile_too-large': 'That file is far too large to be a credentials file. Expected a small JSON, CSV or text file with a Client ID and a Client secret.',
  'credentialsFile_binary': 'That is not a text file. Expected a JSON, CSV or text file with a Client ID and a Client secret.',
  'credentialsFile_missing-fields': 'No Client ID and Client secret found in that file. Expected JSON like {"client_id": …, "client_secret": …}, a CSV with those columns, or lines “Client ID: …” and “Client secret: …”.',
  fieldsHeading: 'What is stored and shown',
  fieldsIntro: 'Sidecard stores only the fields turned on here. Turning “Store” off deletes that field from every stored record at once.',
  fieldColumn: 'Field',
  storeColumn: 'Store',
  showColumn: 'Show in panel',
  orderColumn: 'Panel order',
  notGrantedShort: 'not readable by this credential',
  storeField: 'Store {field}',
  showField: 'Show {field} in panel',
  moveUp: 'Move {field} up',
  moveDown: 'Move {field} down',
  filtersHeading: 'Who is synced',
  filterKeeps: 'These filters keep {kept} of {total} people.',
  filterCountsAfterSync: 'Counts appear after the first full sync.',
  filterStatus: 'Status',
  filterSubcompany: 'Subcompany (legal entity)',
  filterDepartment: 'Department',
  filterAllWhenNone: 'None ticked: everyone.',
  staleBanner: 'The data is out of date: Sidecard has not synced successfully for a while. See the error below, or press “Sync now”.',
  nextSync: 'Next sync',
  syncInterval: 'Sync every',
  everyMinutes: '{count} minutes',
  everyHours_one: '{count} hour',
  everyHours: '{count} hours',
  syncLog: 'Sync log',
  logStarted: 'Started',
  logKind: 'Kind',
  logDuration: 'Duration',
  logRequests: 'Requests',
  logChanged: 'Rows changed',
  logResult: 'Result',
  logFull: 'Full',
  logIncremental: 'Changes only',
  logResumed: 'resumed',
  logOk: 'OK',
  sitesHeading: 'Sites',
  dataStored: '{count} people stored in this browser.',
  dataStorage: 'Storage used: {size}.',
  privacySummary: 'Privacy: what is stored, where, for how long',
  privacyWhere: 'Everything stays in this browser profile. There is no Sidecard server; Sidecard talks only to your Personio API.',
  privacyWhat: 'Only the fields turned on above, for the people the filters keep. Vacation balances are fetched only when someone looks at a person. The client secret is encrypted and never shown again.',
  privacyHowLong: 'Until the next sync replaces it. People removed from Personio disappear at the daily full sync; balances are kept 6 hours, photos 7 days. “Disconnect and delete data” removes everything.',
  popupShortcut: 'Shortcut: {shortcut}',
  noResultsHint: 'Check the spelling, try fewer letters, or search by email or department.',
  customDomains: 'Custom domains',
  customDomainsIntro: 'For a self-hosted Jira Service Management or a Zendesk on your own domain. The browser asks you to allow Sidecard on that domain.',
  customDomainHost: 'Domain',
  customDomainSite: 'Works like',
  addCustomDomain: 'Add a custom domain',
  removeCustomDomain: 'Remove {host}',
  remove: 'Remove',
  customDomainInvalid: 'Enter a domain such as help.acme.example (https only).',
  customDomainDenied: 'The browser did not allow Sidecard on that domain, so nothing was added.',
  panelWidth: 'Change the panel width',
  possibleMatches: 'Possible matches by name',
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof en;

const de: Record<MessageKey, string> = {
  // ── General ─────────────────────────────────────────────────────────────
  loading: 'Wird geladen…',
  back: 'Zurück',
  cancel: 'Abbrechen',
  close: 'Schließen',
  notAvailable: 'Nicht verfügbar',
  justNow: 'gerade eben',
  listSeparator: ', ',

  // ── Field labels ────────────────────────────────────────────────────────
  field_name: 'Name',
  field_email: 'E-Mail',
  field_position: 'Position',
  field_department: 'Abteilung',
  field_team: 'Team',
  field_office: 'Standort',
  field_subcompany: 'Gesellschaft',
  field_supervisor: 'Vorgesetzte:r',
  field_status: 'Status',
  field_hireDate: 'Eintrittsdatum',
  field_vacationBalance: 'Resturlaub',
  field_absence: 'Abwesenheit',
  field_photo: 'Foto',
  field_gender: 'Geschlecht',
  field_costCenters: 'Kostenstellen',
  field_weeklyHours: 'Wochenstunden',
  field_employmentType: 'Beschäftigungsart',

  // ── Field values ────────────────────────────────────────────────────────
  gender_male: 'Männlich',
  gender_female: 'Weiblich',
  gender_diverse: 'Divers',
  employment_internal: 'Intern',
  employment_external: 'Extern',
  weeklyHoursValue_one: '{count} Stunde pro Woche',
  weeklyHoursValue: '{count} Stunden pro Woche',
  days_one: '{count} Tag',
  days: '{count} Tage',

  // ── Person card ─────────────────────────────────────────────────────────
  personCard: 'Person',
  copy: 'Kopieren',
  copyEmail: 'E-Mail-Adresse kopieren',
  copied: 'Kopiert',
  copyFailed: 'Kopieren nicht möglich. Bitte markieren Sie die Adresse und kopieren Sie sie von Hand.',
  openPerson: '{name} anzeigen',
  supervisorNotSynced: '{name} ist in Sidecard nicht synchronisiert',
  hireDateTenure: '{date} · {tenure}',
  startsOn: 'Beginnt am {date}',
  vacationLeft: 'noch {days} · Stand {time}',
  vacationLoading: 'Wird geladen…',
  vacationUnavailable: 'Nicht verfügbar',

  // ── Tenure ──────────────────────────────────────────────────────────────
  tenureYears_one: '{count} Jahr',
  tenureYears: '{count} Jahre',
  tenureMonths_one: '{count} Monat',
  tenureMonths: '{count} Monate',
  tenureJoin: '{years}, {months}',
  tenureLessThanMonth: 'weniger als ein Monat',
  tenureStartsOn: 'beginnt am {date}',

  // ── Status badges ───────────────────────────────────────────────────────
  status_onboarding: 'Onboarding',
  status_active: 'Aktiv',
  status_leave: 'Beurlaubt',
  status_inactive: 'Inaktiv',
  leavesOn: 'Scheidet am {date} aus',
  lastDayToday: 'Heute letzter Arbeitstag',
  leftOn: 'ausgeschieden am {date}',

  // ── Away badge ──────────────────────────────────────────────────────────
  awayUntil: 'Abwesend bis {date}',
  awayToday: 'Heute abwesend',
  backOn: 'Zurück am {date}',
  awayNext: 'Nächste Abwesenheit: {range}',

  // ── Organisation ────────────────────────────────────────────────────────
  orgHeading: 'Organisation',
  supervisorChain: 'Vorgesetztenkette',
  supervisorChainOrder: 'Vorgesetztenkette, direkte:r Vorgesetzte:r zuerst',
  noSupervisor: 'Keine Vorgesetzten in Personio',
  chainBroken: 'Kette endet: Der Datensatz von {name} ist nicht synchronisiert',
  chainBrokenUnknown: 'Kette endet: Die nächste Führungskraft ist nicht synchronisiert',
  directReports: 'Direkte Mitarbeitende',
  directReportsCount: 'Direkte Mitarbeitende ({count})',
  noDirectReports: 'Keine direkten Mitarbeitenden',

  // ── Search ──────────────────────────────────────────────────────────────
  searchPeople: 'Personen suchen',
  searchPlaceholder: 'Name oder E-Mail',
  searchResults: 'Suchergebnisse',
  noResults: 'Niemand gefunden',

  // ── Sync status ─────────────────────────────────────────────────────────
  syncedAgo: 'Synchronisiert {time}',
  neverSynced: 'Noch nicht synchronisiert',
  notConnected: 'Nicht mit Personio verbunden',
  staleWarning: 'Die Daten sind möglicherweise veraltet: Die letzte erfolgreiche Synchronisierung liegt schon länger zurück.',
  syncNow: 'Jetzt synchronisieren',
  syncing: 'Wird synchronisiert…',
  syncProgress: 'Fortschritt der Synchronisierung',
  syncPages: 'Seite {done} von {total}',
  syncPagesUnknown: 'Seite {done}',
  syncFailed: 'Die letzte Synchronisierung ist fehlgeschlagen.',
  stage_starting: 'Synchronisierung startet…',
  stage_employees: 'Personen werden abgerufen…',
  'stage_time-offs': 'Abwesenheiten werden abgerufen…',
  stage_sweeping: 'Wird aufgeräumt…',
  stage_done: 'Synchronisierung abgeschlossen',
  stage_failed: 'Synchronisierung fehlgeschlagen',

  // ── Errors ──────────────────────────────────────────────────────────────
  'error_bad-credentials': 'Personio hat die Client-ID oder das Secret abgelehnt. Bitte prüfen Sie beides auf der Einstellungsseite.',
  error_forbidden: 'Der API-Zugang darf keine Mitarbeitenden lesen. Geben Sie ihm in Personio Lesezugriff auf Mitarbeitende und Abwesenheiten.',
  'error_attribute-not-granted': 'Der API-Zugang kann einige Attribute nicht lesen, die Sidecard speichern soll. Geben Sie sie in Personio frei oder schalten Sie diese Felder auf der Einstellungsseite ab.',
  'error_rate-limited': 'Personio hat Sidecard gebremst. Die Synchronisierung läuft in ein paar Minuten von selbst weiter.',
  error_network: 'Personio ist nicht erreichbar. Bitte prüfen Sie die Internetverbindung oder den Proxy; Sidecard versucht es erneut.',
  error_server: 'Personio hat einen Serverfehler gemeldet. Sidecard versucht es später erneut.',
  error_malformed: 'Personio hat Daten gesendet, die Sidecard nicht lesen kann. Versuchen Sie es später erneut; falls es wieder passiert, wenden Sie sich an Ihre Sidecard-Administration.',
  error_storage: 'Der Browser konnte die Daten nicht speichern (Speicher voll oder gesperrt). Geben Sie Speicherplatz frei und synchronisieren Sie erneut.',
  error_unknown: 'Etwas ist schiefgelaufen. Versuchen Sie „Jetzt synchronisieren“; schlägt es weiter fehl, verbinden Sie sich auf der Einstellungsseite neu.',
  error_policy: 'Der Browser hat nicht geantwortet, als Sidecard die Richtlinie Ihrer Organisation lesen wollte; es wurde nichts geändert. Versuchen Sie es erneut; passiert es wieder, starten Sie den Browser neu.',
  error_permission: 'Sidecard braucht die Berechtigung, diese API-Adresse zu erreichen. Bitte erlauben Sie es, wenn der Browser fragt.',
  'error_invalid-url': 'Das ist keine gültige Adresse. Geben Sie eine URL wie https://api.personio.de ein.',

  // ── Pages: panel, popup, options ────────────────────────────────────────
  panelExpand: 'Sidecard-Leiste einblenden',
  panelCollapse: 'Sidecard-Leiste ausblenden',
  stale: 'Veraltet',
  staleHint: 'Die letzte erfolgreiche Synchronisierung liegt schon länger zurück; Angaben können sich geändert haben.',
  panelNotConnected: 'Sidecard ist noch nicht mit Personio verbunden.',
  openOptions: 'Einstellungen öffnen',
  panelFirstSync: 'Sidecard ruft zum ersten Mal Personen aus Personio ab…',
  panelIdle: 'Öffnen Sie eine E-Mail oder ein Ticket, um zu sehen, wer geschrieben hat.',
  participants: 'Personen in dieser Unterhaltung',
  role_from: 'Von',
  role_to: 'An',
  role_cc: 'Cc',
  role_requester: 'Anfragende:r',
  external: 'nicht in Personio',
  notInPersonio: 'Nicht in Personio',
  notInPersonioHint: '{email} ist nicht in Personio. Die Person ist vielleicht extern oder nutzt eine andere Adresse.',
  optionsTitle: 'Sidecard-Einstellungen',
  connectHeading: 'Mit Personio verbinden',
  connectIntro: 'Legen Sie in Personio einen API-Zugang mit Lesezugriff auf Mitarbeitende und Abwesenheiten an und geben Sie hier dessen Client-ID und Secret ein.',
  clientId: 'Client-ID',
  clientSecret: 'Client-Secret',
  replaceSecret: 'Ersetzen',
  secretSaved: 'Ein Secret ist gespeichert. Es wird verschlüsselt abgelegt und nicht wieder angezeigt.',
  advanced: 'Erweitert',
  apiBaseUrl: 'API-Basis-URL',
  apiBaseUrlHint: 'Nur für einen Proxy oder einen Testserver ändern.',
  testConnection: 'Verbindung testen',
  testing: 'Wird getestet…',
  connect: 'Verbinden',
  connecting: 'Wird verbunden…',
  connected: 'Verbunden',
  syncHeading: 'Synchronisierung',
  connectedCount_one: 'Verbunden: {count} Person synchronisiert.',
  connectedCount: 'Verbunden: {count} Personen synchronisiert.',
  employeeCount_one: '{count} Mitarbeiter:in',
  employeeCount: '{count} Mitarbeitende',
  missingGrant: 'Personio hat {label} nicht geliefert: Haken Sie es unter „Lesbare Mitarbeiterattribute“ für diesen API-Zugang an oder schalten Sie das Feld unten ab.',
  grantedAttributes_one: '{count} lesbares Attribut',
  grantedAttributes: '{count} lesbare Attribute',
  dataHeading: 'Gespeicherte Daten',
  disconnect: 'Trennen und Daten löschen',
  disconnectConfirm: 'Verbindung zu Personio trennen und alle Personen löschen, die Sidecard in diesem Browser gespeichert hat?',
  disconnectYes: 'Trennen und löschen',

  // ── Options: upload, fields, filters, sync, sites, data ────────────────
  managedByOrganisation: 'Von Ihrer Organisation verwaltet',
  uploadCredentials: 'Zugangsdaten-Datei hochladen',
  uploadCredentialsHint: 'Die Datei, die Sie beim Erstellen des API-Zugangs in Personio gespeichert haben (JSON, CSV oder Text mit „Client ID“ und „Client secret“).',
  'credentialsFile_empty': 'Diese Datei ist leer. Erwartet wird eine Zugangsdaten-Datei mit Client-ID und Client-Secret.',
  'credentialsFile_too-large': 'Diese Datei ist viel zu groß für Zugangsdaten. Erwartet wird eine kleine JSON-, CSV- oder Textdatei mit Client-ID und Client-Secret.',
  'credentialsFile_binary': 'Das ist keine Textdatei. Erwartet wird eine JSON-, CSV- oder Textdatei mit Client-ID und Client-Secret.',
  'credentialsFile_missing-fields': 'In dieser Datei stehen keine Client-ID und kein Client-Secret. Erwartet wird JSON wie {"client_id": …, "client_secret": …}, eine CSV mit diesen Spalten oder Zeilen „Client ID: …“ und „Client secret: …“.',
  fieldsHeading: 'Was gespeichert und angezeigt wird',
  fieldsIntro: 'Sidecard speichert nur die hier eingeschalteten Felder. Wird „Speichern“ ausgeschaltet, verschwindet das Feld sofort aus allen gespeicherten Datensätzen.',
  fieldColumn: 'Feld',
  storeColumn: 'Speichern',
  showColumn: 'In der Leiste zeigen',
  orderColumn: 'Reihenfolge',
  notGrantedShort: 'für diesen API-Zugang nicht lesbar',
  storeField: '{field} speichern',
  showField: '{field} in der Leiste zeigen',
  moveUp: '{field} nach oben',
  moveDown: '{field} nach unten',
  filtersHeading: 'Wer synchronisiert wird',
  filterKeeps: 'Diese Filter behalten {kept} von {total} Personen.',
  filterCountsAfterSync: 'Die Zahlen erscheinen nach der ersten vollständigen Synchronisierung.',
  filterStatus: 'Status',
  filterSubcompany: 'Gesellschaft (Rechtseinheit)',
  filterDepartment: 'Abteilung',
  filterAllWhenNone: 'Nichts angehakt: alle.',
  staleBanner: 'Die Daten sind veraltet: Sidecard konnte seit einiger Zeit nicht synchronisieren. Sehen Sie sich den Fehler unten an oder klicken Sie auf „Jetzt synchronisieren“.',
  nextSync: 'Nächste Synchronisierung',
  syncInterval: 'Synchronisieren alle',
  everyMinutes: '{count} Minuten',
  everyHours_one: '{count} Stunde',
  everyHours: '{count} Stunden',
  syncLog: 'Synchronisierungsprotokoll',
  logStarted: 'Beginn',
  logKind: 'Art',
  logDuration: 'Dauer',
  logRequests: 'Anfragen',
  logChanged: 'Geänderte Zeilen',
  logResult: 'Ergebnis',
  logFull: 'Vollständig',
  logIncremental: 'Nur Änderungen',
  logResumed: 'fortgesetzt',
  logOk: 'OK',
  sitesHeading: 'Websites',
  dataStored: '{count} Personen in diesem Browser gespeichert.',
  dataStorage: 'Belegter Speicher: {size}.',
  privacySummary: 'Datenschutz: was wo wie lange gespeichert wird',
  privacyWhere: 'Alles bleibt in diesem Browserprofil. Es gibt keinen Sidecard-Server; Sidecard spricht nur mit Ihrer Personio-API.',
  privacyWhat: 'Nur die oben eingeschalteten Felder, für die Personen, die die Filter behalten. Urlaubssalden werden erst abgerufen, wenn jemand die Person ansieht. Das Client-Secret wird verschlüsselt und nie wieder angezeigt.',
  privacyHowLong: 'Bis die nächste Synchronisierung es ersetzt. Aus Personio entfernte Personen verschwinden bei der täglichen vollständigen Synchronisierung; Salden bleiben 6 Stunden, Fotos 7 Tage. „Trennen und Daten löschen“ entfernt alles.',
  popupShortcut: 'Tastenkürzel: {shortcut}',
  noResultsHint: 'Prüfen Sie die Schreibweise, geben Sie weniger Buchstaben ein oder suchen Sie nach E-Mail oder Abteilung.',
  customDomains: 'Eigene Domains',
  customDomainsIntro: 'Für ein selbst betriebenes Jira Service Management oder ein Zendesk unter eigener Domain. Der Browser fragt, ob Sidecard auf dieser Domain laufen darf.',
  customDomainHost: 'Domain',
  customDomainSite: 'Funktioniert wie',
  addCustomDomain: 'Eigene Domain hinzufügen',
  removeCustomDomain: '{host} entfernen',
  remove: 'Entfernen',
  customDomainInvalid: 'Geben Sie eine Domain wie help.acme.example ein (nur https).',
  customDomainDenied: 'Der Browser hat Sidecard auf dieser Domain nicht erlaubt, daher wurde nichts hinzugefügt.',
  panelWidth: 'Breite der Leiste ändern',
  possibleMatches: 'Mögliche Treffer nach Name',
};

export const dictionaries: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { en, de };

export type Vars = Record<string, string | number>;
export type T = (key: MessageKey, vars?: Vars) => string;

/** Intl locale per UI language. en-GB: "31 Dec 2026", 24-hour clock. */
export function localeOf(lang: Lang): string {
  return lang === 'de' ? 'de-DE' : 'en-GB';
}

/** "auto" follows the browser: German when its language starts with "de", else English. */
export function resolveLang(setting: LanguageSetting, navigatorLanguage?: string): Lang {
  if (setting === 'en' || setting === 'de') return setting;
  return navigatorLanguage?.trim().toLowerCase().startsWith('de') ? 'de' : 'en';
}

const PLACEHOLDER = /\{(\w+)\}/g;
const cache = new Map<Lang, T>();

export function translator(lang: Lang): T {
  const cached = cache.get(lang);
  if (cached) return cached;
  const dict: Readonly<Record<string, string>> = dictionaries[lang];
  const fallback: Readonly<Record<string, string>> = en;
  const numbers = new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 2 });
  const plurals = new Intl.PluralRules(localeOf(lang));
  const t: T = (key, vars) => {
    let message: string | undefined;
    const count = vars?.count;
    if (typeof count === 'number' && plurals.select(count) === 'one') message = dict[`${key}_one`];
    // Unknown keys (a cast template key, e.g. an error kind from newer code) fall back to English, then to the key.
    message ??= dict[key] ?? fallback[key] ?? key;
    if (!vars) return message;
    // A replacer function: values are inserted literally (no `$&` patterns), and never re-scanned.
    return message.replace(PLACEHOLDER, (whole, name: string) => {
      const value = vars[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  };
  cache.set(lang, t);
  return t;
}

/** The label key of a standard field (custom attributes are labelled by Personio). */
export function fieldLabelKey(key: StandardFieldKey): MessageKey {
  return `field_${key}`;
}

/** True when `key` is a message key (for keys built from data, e.g. `error_${kind}`). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}
