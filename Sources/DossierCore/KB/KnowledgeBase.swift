import Foundation

/// What Dossier knows of the world before it reads a report: countries, cities, regions and seas, seats
/// of power, organisations, role titles, office holders, weapon systems and named events, loaded once from
/// the TSV files of `Resources/<language>/kb` into immutable tables.
///
/// ```swift
/// let kb = KnowledgeBase.english
/// kb.entries(named: "the Kremlin").first?.actorCode          // "RUSGOV"
/// kb.demonym("North Korean")?.iso3                            // "PRK"
/// kb.officeHolders(country: "RUS", role: "defence minister", on: "2023").first?.name  // "Sergei Shoigu"
/// ```
public struct KnowledgeBase: Sendable {
    /// Every country and territory, in ISO alpha-3 order.
    public let countries: [Country]
    /// Every entry, best kinds first: countries, organisations, seats of power and regions, people,
    /// weapons and events, cities (most populous first).
    public let allEntries: [KBEntry]
    /// Every office of every person in people.tsv.
    public let offices: [Office]
    /// The most words (pieces between spaces and hyphens) of any name or alias, for longest-match scanning.
    public let maxNameWords: Int
    /// An upper bound on the tokens of any name or alias when every punctuation mark is a token of its own.
    public let maxNameTokens: Int

    private let byName: [String: Int32]
    private let nameLists: [[Int32]]
    private let byID: [String: Int32]
    private let cities: [Int: Int32]
    private let byISO3: [String: Int]
    private let byISO2: [String: Int]
    private let byDemonym: [String: Int]
    private let byCapital: [String: Int]
    private let roles: [String: Role]
    /// The last word of every role title's key ("minister" of "defence minister"), for ``mayEndRole(_:)``.
    private let roleLastWords: WordMap<Bool>
    /// The first word, lowercased, of every demonym of two words or more ("south" of "South Korean").
    private let demonymFirstWords: WordMap<Bool>
    /// Every demonym of one word, lowercased.
    private let demonymWords: WordMap<Bool>
    /// Canonical role -> the office it is a kind of ("Secretary of State" -> "Foreign Minister").
    private let roleClasses: [String: String]
    private let officesByPerson: [String: [Int]]

    /// English, from the files in `Resources/en/kb`.
    public static let english: KnowledgeBase = {
        do {
            return try KnowledgeBase(directory: "en/kb")
        } catch {
            fatalError("Dossier's bundled knowledge base (Resources/en/kb) is unreadable: \(error)")
        }
    }()

    /// Loads the knowledge base of one folder of the package's resources, such as "en/kb".
    public init(directory: String) throws {
        try self.init { name in try Resource.data(directory, name) }
    }

    /// Loads the knowledge base from the TSV files of a folder on disk.
    public init(path: String) throws {
        try self.init { name in
            let file = (path as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: file) else { throw ResourceError.missing(file) }
            return data
        }
    }

    init(read: (String) throws -> Data) throws {
        var builder = Builder()

        // Countries.
        var countries: [Country] = []
        try KBText.rows(read("countries.tsv"), file: "countries.tsv", fields: 9) { f in
            guard f[0].utf8Count == 3 else { throw ResourceError.malformed(file: "countries.tsv", line: f[0].string) }
            countries.append(
                Country(
                    iso3: f[0].string, iso2: f[1].string, name: f[2].string, officialName: f[3].string,
                    aliases: f[4].list, demonyms: f[5].list, capital: f[6].string,
                    latitude: f[7].number, longitude: f[8].number))
        }
        var byISO3: [String: Int] = [:]
        var byISO2: [String: Int] = [:]
        var byDemonym: [String: Int] = [:]
        var byCapital: [String: Int] = [:]
        for (i, country) in countries.enumerated() {
            byISO3[country.iso3] = i
            byISO2[country.iso2] = i
            builder.add(country.entry, names: [country.name, country.officialName] + country.aliases)
            for demonym in country.demonyms {
                if let key = KBText.key(demonym), byDemonym[key] == nil { byDemonym[key] = i }
            }
            if let key = KBText.key(country.capital), byCapital[key] == nil { byCapital[key] = i }
        }

        // Organisations and seats of power.
        for (file, prefix, type) in [("organisations.tsv", "org:", EntityType.org), ("seats.tsv", "seat:", .gpe)] {
            try KBText.rows(read(file), file: file, fields: 7) { f in
                guard f[6].isEmpty || f[6].string == "state" else {
                    throw ResourceError.malformed(file: file, line: f.map(\.string).joined(separator: "\t"))
                }
                let entry = KBEntry(
                    id: prefix + f[0].string, name: f[1].string, type: type, country: f[3].optional,
                    sector: f[4].optional, aliases: f[2].list, speaksForState: f[6].string == "state")
                builder.add(entry, names: [entry.name] + entry.aliases)
            }
        }

        // Regions, territories, seas, straits.
        try KBText.rows(read("places.tsv"), file: "places.tsv", fields: 8) { f in
            let entry = KBEntry(
                id: "place:" + f[0].string, name: f[1].string, type: f[4].string == "LOC" ? .loc : .gpe,
                country: f[3].optional, latitude: f[5].number, longitude: f[6].number, aliases: f[2].list)
            builder.add(entry, names: [entry.name] + entry.aliases)
        }

        // Role titles.
        var roles: [String: Role] = [:]
        var roleClasses: [String: String] = [:]
        try KBText.rows(read("roles.tsv"), file: "roles.tsv", fields: 4) { f in
            let role = Role(name: f[1].string, sector: f[2].string)
            if let key = KBText.key(f[0].string, lowercase: true) { roles[key] = role }
            if let key = KBText.key(role.name, lowercase: true), roles[key] == nil { roles[key] = role }
            if !f[3].isEmpty { roleClasses[role.name] = f[3].string }
        }

        // People: one entry per person, one office per row.
        var offices: [Office] = []
        var people: [(id: String, name: String, aliases: [String], country: String?, sector: String?)] = []
        var personIndex: [String: Int] = [:]
        try KBText.rows(read("people.tsv"), file: "people.tsv", fields: 9) { f in
            let id = "person:" + f[0].string
            let office = Office(
                person: id, country: f[3].optional, role: f[4].string, sector: f[5].optional,
                start: f[6].string, end: f[7].optional)
            offices.append(office)
            if let i = personIndex[id] {
                for alias in f[2].list where !people[i].aliases.contains(alias) { people[i].aliases.append(alias) }
            } else {
                personIndex[id] = people.count
                people.append((id, f[1].string, f[2].list, office.country, office.sector))
            }
        }
        var officesByPerson: [String: [Int]] = [:]
        for (i, office) in offices.enumerated() { officesByPerson[office.person, default: []].append(i) }
        for person in people {
            let held = officesByPerson[person.id, default: []].map { offices[$0] }
            var roleNames: [String] = []
            for office in held where !roleNames.contains(office.role) { roleNames.append(office.role) }
            let start = held.map(\.start).min()
            let end: String? = held.contains { $0.end == nil } ? nil : held.compactMap(\.end).max()
            let entry = KBEntry(
                id: person.id, name: person.name, type: .person, country: person.country, sector: person.sector,
                roles: roleNames, aliases: person.aliases, start: start, end: end)
            builder.add(entry, names: [entry.name] + entry.aliases)
        }

        // Weapon systems and named events.
        try KBText.rows(read("weapons.tsv"), file: "weapons.tsv", fields: 5) { f in
            let name = f[0].string
            let entry = KBEntry(
                id: "weapon:" + KBText.slug(name), name: name, type: .weapon, country: f[2].optional,
                aliases: f[1].list, kind: f[3].optional)
            builder.add(entry, names: [name] + entry.aliases)
        }
        try KBText.rows(read("events.tsv"), file: "events.tsv", fields: 4) { f in
            let name = f[0].string
            let entry = KBEntry(
                id: "event:" + KBText.slug(name), name: name, type: .event, aliases: f[1].list,
                kind: f[2].optional)
            builder.add(entry, names: [name] + entry.aliases)
        }

        // Cities, most populous first.
        try KBText.rows(read("cities.tsv"), file: "cities.tsv", fields: 7) { f in
            let entry = KBEntry(
                id: "city:" + f[0].string, name: f[1].string, type: .gpe, country: f[3].optional,
                latitude: f[5].number, longitude: f[6].number, aliases: f[2].list)
            builder.add(entry, names: [entry.name] + entry.aliases)
        }

        self.countries = countries
        self.allEntries = builder.entries
        self.offices = offices
        self.maxNameWords = builder.maxWords
        self.maxNameTokens = builder.maxTokens
        self.byName = builder.byName
        self.nameLists = builder.lists
        self.byID = builder.byID
        self.cities = builder.cities
        self.byISO3 = byISO3
        self.byISO2 = byISO2
        self.byDemonym = byDemonym
        self.byCapital = byCapital
        self.roles = roles
        roleLastWords = WordMap(Set(roles.keys.map { String($0.spaceSeparated.last ?? Substring($0)) }))
        demonymWords = WordMap(Set(byDemonym.keys.filter { !$0.contains(" ") }.map { $0.lowercased() }))
        demonymFirstWords = WordMap(
            Set(byDemonym.keys.compactMap { $0.contains(" ") ? $0.spaceSeparated.first.map { $0.lowercased() } : nil }))
        self.roleClasses = roleClasses
        self.officesByPerson = officesByPerson
    }

    private struct Builder {
        var entries: [KBEntry] = []
        /// Key -> entry index (>= 0), or -(list + 1) into `lists` when the key names several entries.
        var byName: [String: Int32] = [:]
        var lists: [[Int32]] = []
        /// Ids of every entry but the cities, which go by their GeoNames number in `cities`.
        var byID: [String: Int32] = [:]
        var cities: [Int: Int32] = [:]
        var maxWords = 0
        var maxTokens = 0

        init() {
            entries.reserveCapacity(40_000)
            byName.reserveCapacity(50_000)
            byID.reserveCapacity(4_000)
            cities.reserveCapacity(40_000)
        }

        mutating func add(_ entry: KBEntry, names: [String]) {
            let index = Int32(entries.count)
            entries.append(entry)
            if let city = geonameID(entry.id) {
                if cities[city] == nil { cities[city] = index }
            } else if byID[entry.id] == nil {
                byID[entry.id] = index
            }
            for name in names {
                // "The Hague": indexed as "the hague" too, so that it is not taken for "Hague".
                if KBText.startsWithThe(name), let key = KBText.key(name, keepThe: true) { insert(key, index, name) }
                if let key = KBText.key(name) { insert(key, index, name) }
            }
        }

        private mutating func insert(_ key: String, _ index: Int32, _ name: String) {
            switch byName[key] {
            case nil:
                byName[key] = index
            case let old? where old >= 0:
                if old == index { return }
                lists.append([old, index])
                byName[key] = -Int32(lists.count)
            case let old?:
                let list = Int(-old - 1)
                if lists[list].last == index { return }
                lists[list].append(index)
            }
            // A name of n bytes has at most (n + 1) / 2 words and n tokens: count only names that may beat the record.
            if (key.utf8.count + 1) / 2 > maxWords { maxWords = max(maxWords, KBText.words(key)) }
            if name.utf8.count > maxTokens { maxTokens = max(maxTokens, KBText.tokens(name)) }
        }
    }

    // MARK: Lookups

    /// The country with an ISO 3166-1 alpha-3 code ("RUS").
    public func country(iso3: String) -> Country? {
        byISO3[iso3].map { countries[$0] }
    }

    /// The country with an ISO 3166-1 alpha-2 code ("RU").
    public func country(iso2: String) -> Country? {
        byISO2[iso2].map { countries[$0] }
    }

    /// The country whose capital has this name ("Moscow" -> Russia, "Pyongyang" -> North Korea).
    public func country(capital name: String) -> Country? {
        KBText.key(name).flatMap { byCapital[$0] }.map { countries[$0] }
    }

    /// Entries whose name or alias is this name, best first: countries, then organisations, seats and
    /// regions, then people, then weapons and events, then cities by population. Demonyms ("Russian")
    /// are not names here: ask `demonym(_:)`.
    ///
    /// Names of more than four characters match whatever their case; shorter ones ("US", "AP", "Li")
    /// only in their own case. Curly apostrophes match straight ones, hyphens match spaces, and a leading
    /// "the " is ignored ("the Kremlin" == "Kremlin").
    public func entries(named name: some StringProtocol) -> [KBEntry] {
        guard let found = index(of: name) else { return [] }
        if found >= 0 { return [allEntries[Int(found)]] }
        return nameLists[Int(-found - 1)].map { allEntries[Int($0)] }
    }

    /// Whether some entry has this name or alias (the same rules as `entries(named:)`).
    public func contains(name: some StringProtocol) -> Bool {
        index(of: name) != nil
    }

    private func index(of name: some StringProtocol) -> Int32? {
        if KBText.startsWithThe(name), let key = KBText.key(name, keepThe: true), let found = byName[key] {
            return found
        }
        return KBText.key(name).flatMap { byName[$0] }
    }

    /// The entry with a KB id ("country:RUS", "person:vladimir-putin").
    public func entry(id: String) -> KBEntry? {
        let index: Int32? = if let city = geonameID(id) { cities[city] } else { byID[id] }
        return index.map { allEntries[Int($0)] }
    }

    /// The country a nationality word names: "Russian", "North Koreans", "Chinese".
    public func demonym(_ word: some StringProtocol) -> Country? {
        KBText.key(word).flatMap { byDemonym[$0] }.map { countries[$0] }
    }

    /// A role title's canonical name and sector, whatever its case: "Defence Minister", "defense minister",
    /// "spokeswoman".
    public func role(_ title: some StringProtocol) -> Role? {
        KBText.key(title, lowercase: true).flatMap { roles[$0] }
    }

    /// Whether a word is ASCII lowercase letters alone, and so its own key.
    private static func isPlainLowercase(_ word: String) -> Bool { word.utf8.allSatisfy { $0 &- 0x61 < 26 } }

    /// Whether a phrase ending with this word can be a role title (``role(_:)``): the last word of its key ends one.
    /// Cheaper than looking the phrase up, so a reader tries the phrases ending at a word only when it says yes.
    public func mayEndRole(_ word: String) -> Bool {
        // A word of ASCII lowercase letters is its own key's last word.
        if Self.isPlainLowercase(word) { return roleLastWords.contains(word) }
        // A word of separators alone leaves the phrase's last word to the word before it.
        guard let key = KBText.key(word, lowercase: true) else { return true }
        return roleLastWords.contains(String(key.spaceSeparated.last ?? Substring(key)))
    }

    /// Whether a word, lowercased, can be a demonym of one word (``demonym(_:)``); cheaper than looking it up.
    public func mayBeDemonym(_ word: String) -> Bool {
        !Self.isPlainLowercase(word) || demonymWords.contains(word)
    }

    /// Whether a phrase starting with this word can be a demonym of two words or more (``demonym(_:)``): its first
    /// word opens one, or is an article, which the key drops.
    public func mayStartDemonym(_ word: String) -> Bool {
        // A word of ASCII lowercase letters is its own key's first word.
        if Self.isPlainLowercase(word) { return word == "the" || demonymFirstWords.contains(word) }
        guard let key = KBText.key(word, lowercase: true) else { return true }
        let first = String(key.spaceSeparated.first ?? Substring(key))
        return first == "the" || demonymFirstWords.contains(first)
    }

    /// Every office a person held, in the order of people.tsv.
    public func offices(of personID: String) -> [Office] {
        officesByPerson[personID, default: []].map { offices[$0] }
    }

    /// People whose name or alias matches. With a date (YYYY, YYYY-MM or YYYY-MM-DD), those who held an
    /// office then come first, each described by that office (its role first in `roles`, its sector,
    /// start and end).
    public func people(named name: some StringProtocol, on date: String?) -> [KBEntry] {
        let found = entries(named: name).filter { $0.type == .person }
        guard let date else { return found }
        var current: [KBEntry] = []
        var others: [KBEntry] = []
        for entry in found {
            let held = offices(of: entry.id).filter { $0.held(on: date) }
            if held.isEmpty {
                others.append(entry)
            } else {
                current.append(describe(entry, by: held))
            }
        }
        return current + others
    }

    /// Whether two canonical role names are one office: the same name, or titles of one kind ("Defence Chief" and
    /// "Defence Minister"; "Foreign Secretary" and "Secretary of State").
    public func sameOffice(_ a: String, _ b: String) -> Bool {
        a == b || (roleClasses[a] ?? a) == (roleClasses[b] ?? b)
    }

    /// The people who held an office in a country at a date (YYYY, YYYY-MM or YYYY-MM-DD), or hold it now
    /// when the date is nil: ("RUS", "defence minister", "2023") -> Sergei Shoigu. Titles of one kind match
    /// each other: "foreign minister" finds a US Secretary of State and a UK Foreign Secretary.
    public func officeHolders(country: String, role title: String, on date: String?) -> [KBEntry] {
        let wanted = role(title)?.name ?? title
        var seen: Set<String> = []
        var result: [KBEntry] = []
        for office in offices where office.country == country && !seen.contains(office.person) {
            guard sameOffice(office.role, wanted) else { continue }
            guard date.map({ office.held(on: $0) }) ?? (office.end == nil) else { continue }
            guard let entry = entry(id: office.person) else { continue }
            seen.insert(office.person)
            result.append(describe(entry, by: [office]))
        }
        return result
    }

    /// A person's entry told from the offices held at some date: their roles first, their dates.
    private func describe(_ entry: KBEntry, by held: [Office]) -> KBEntry {
        var roleNames = held.map(\.role)
        for role in entry.roles where !roleNames.contains(role) { roleNames.append(role) }
        var unique: [String] = []
        for role in roleNames where !unique.contains(role) { unique.append(role) }
        let office = held[0]
        return KBEntry(
            id: entry.id, name: entry.name, type: entry.type, country: office.country ?? entry.country,
            sector: office.sector ?? entry.sector, roles: unique, latitude: entry.latitude,
            longitude: entry.longitude, aliases: entry.aliases, start: office.start, end: office.end,
            kind: entry.kind)
    }
}

/// The GeoNames number of a city id ("city:1871859" -> 1871859).
private func geonameID(_ id: String) -> Int? {
    guard id.hasPrefix("city:") else { return nil }
    var number = 0
    for byte in id.utf8.dropFirst(5) {
        guard byte &- 0x30 < 10, number < Int.max / 20 else { return nil }
        number = number * 10 + Int(byte &- 0x30)
    }
    return id.utf8.count > 5 ? number : nil
}
