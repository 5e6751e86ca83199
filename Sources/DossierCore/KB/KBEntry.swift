/// One thing the knowledge base knows: a country, city, seat of power,
/// organisation, person, weapon system or named event.
public struct KBEntry: Sendable, Hashable {
    /// A stable id with the kind as prefix: "country:RUS", "city:1871859", "org:nato",
    /// "seat:kremlin", "place:crimea", "person:vladimir-putin", "weapon:s-400", "event:korean-war".
    public let id: String
    /// The canonical name.
    public let name: String
    public let type: EntityType
    /// ISO 3166-1 alpha-3 of the country the thing belongs to or speaks for; nil for international bodies.
    public let country: String?
    /// CAMEO-style sector: GOV, MIL, DIP, IGO, MED, LEG ...; for a seat of power, the sector it stands for.
    public let sector: String?
    /// Canonical role names (people: every office held, those held on the asked date first).
    public let roles: [String]
    public let latitude: Double?
    public let longitude: Double?
    /// Other names the thing goes by.
    public let aliases: [String]
    /// For people: the start and end (nil while in office) of the office the entry describes,
    /// or of the whole career when no date was asked. YYYY or YYYY-MM-DD.
    public let start: String?
    public let end: String?
    /// What kind of weapon ("ICBM", "air defence") or event ("war", "summit"); nil for other entries.
    public let kind: String?
    /// A state's own news agency or broadcaster: what it says, its state says ("KCNA said": North Korea).
    public let speaksForState: Bool
    /// What sort of thing the entry is, from its id's prefix: nil for a prefix the knowledge base does not give.
    public let category: Category?

    /// The sorts of things the knowledge base knows, as its ids' prefixes name them ("country:RUS", "org:nato").
    public enum Category: String, Sendable, Hashable {
        case country, city, seat, place, organisation = "org", person, weapon, event
    }

    public init(
        id: String, name: String, type: EntityType, country: String? = nil, sector: String? = nil,
        roles: [String] = [], latitude: Double? = nil, longitude: Double? = nil, aliases: [String] = [],
        start: String? = nil, end: String? = nil, kind: String? = nil, speaksForState: Bool = false
    ) {
        self.id = id
        self.name = name
        self.type = type
        self.country = country
        self.sector = sector
        self.roles = roles
        self.latitude = latitude
        self.longitude = longitude
        self.aliases = aliases
        self.start = start
        self.end = end
        self.kind = kind
        self.speaksForState = speaksForState
        category = Category(rawValue: String(id.prefix { $0 != ":" }))
    }

    /// The CAMEO-style actor code: country plus sector ("RUSGOV"), the country alone, or the sector alone.
    public var actorCode: String? {
        switch (country, sector) {
        case let (c?, s?): c + s
        case let (c?, nil): c
        case let (nil, s?): s
        case (nil, nil): nil
        }
    }
}

/// A country (or territory) with its ISO 3166-1 codes.
public struct Country: Sendable, Hashable {
    public let iso3: String
    public let iso2: String
    /// Short common name: "North Korea", "Russia", "United States".
    public let name: String
    public let officialName: String
    public let aliases: [String]
    /// Adjectives and plurals: "North Korean", "North Koreans".
    public let demonyms: [String]
    public let capital: String
    /// The country's centroid.
    public let latitude: Double?
    public let longitude: Double?

    public var entry: KBEntry {
        KBEntry(
            id: "country:" + iso3, name: name, type: .gpe, country: iso3,
            latitude: latitude, longitude: longitude, aliases: aliases)
    }
}

/// A role title's canonical name and the sector its holder acts for.
public struct Role: Sendable, Hashable {
    public let name: String
    public let sector: String

    public init(name: String, sector: String) {
        self.name = name
        self.sector = sector
    }
}

/// One office a person held, from people.tsv.
public struct Office: Sendable, Hashable {
    /// The person's KB id: "person:sergei-shoigu".
    public let person: String
    public let country: String?
    /// Canonical role name: "Defence Minister", "Secretary of State".
    public let role: String
    public let sector: String?
    /// YYYY or YYYY-MM-DD.
    public let start: String
    /// nil while in office.
    public let end: String?

    /// Whether the office was held at some time in a date given as YYYY, YYYY-MM or YYYY-MM-DD.
    public func held(on date: String) -> Bool {
        let low = Self.pad(date, high: false)
        let high = Self.pad(date, high: true)
        let from = Self.pad(start, high: false)
        let until = end.map { Self.pad($0, high: true) } ?? "9999-99-99"
        return from <= high && low <= until
    }

    /// "2023" -> "2023-00-00" or "2023-99-99": the lowest or highest day the date may mean, comparable as text.
    static func pad(_ date: String, high: Bool) -> String {
        switch date.utf8.count {
        case 4: date + (high ? "-99-99" : "-00-00")
        case 7: date + (high ? "-99" : "-00")
        default: date
        }
    }
}
