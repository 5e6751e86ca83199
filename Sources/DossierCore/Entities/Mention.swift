/// A place in the text that names or refers to an entity.
public struct Mention: Sendable, Hashable {
    /// How a mention refers.
    public enum Kind: String, Sendable, Hashable {
        /// A proper name: "Sergei Shoigu", "Shoigu", "KCNA".
        case name
        /// A nationality adjective standing for its country: "Russian", "North Korean".
        case demonym
        /// A capital standing for its government: "Moscow denied".
        case metonym
        /// A description: "Russia's defence chief", "the latter", "the North".
        case description
        /// "he", "his", "they".
        case pronoun
        /// An agency in a credit line or dateline.
        case credit
    }

    public var span: Span
    /// Indices into ``Document/tokens``; empty for mentions outside the analysed text (credits).
    public var tokens: Range<Int>
    /// Index into ``Document/sentences``, or nil outside them.
    public var sentence: Int?
    public var type: EntityType
    public var kind: Kind
    /// The knowledge-base entry it names, when known.
    public var entry: KBEntry?
    public var kbID: String? { entry?.id }
    /// The country the mention names or implies (ISO alpha-3).
    public var country: String?
    /// A role title the text gives with it ("Defence Minister").
    public var role: String?
    /// The sector of that role or of the entry (GOV, MIL, MED ...).
    public var sector: String?
    /// The rule or model that found it: "ner", "kb", "title", "pronoun" ...
    public var foundBy: String
    /// For pronouns and descriptions, the mention they refer to (index into ``Document/mentions``).
    public var antecedent: Int?

    public init(
        span: Span, tokens: Range<Int>, sentence: Int?, type: EntityType, kind: Kind, entry: KBEntry? = nil,
        country: String? = nil, role: String? = nil, sector: String? = nil, foundBy: String
    ) {
        self.span = span
        self.tokens = tokens
        self.sentence = sentence
        self.type = type
        self.kind = kind
        self.entry = entry
        self.country = country
        self.role = role
        self.sector = sector
        self.foundBy = foundBy
    }
}

/// One real thing a report speaks of, with every mention of it.
public struct Entity: Sendable, Hashable {
    public var id: String
    /// The fullest name the text or the knowledge base gives.
    public var name: String
    public var type: EntityType
    /// ISO alpha-3 of the country it belongs to or speaks for.
    public var country: String?
    /// Role titles the text gives.
    public var roles: [String]
    /// GOV, MIL, MED ... from its roles or the knowledge base.
    public var sector: String?
    public var kbID: String?
    public var latitude: Double?
    public var longitude: Double?
    /// Indices into ``Document/mentions``, in text order.
    public var mentions: [Int]
    /// A state's own news agency or broadcaster, whose words are its state's (``KBEntry/speaksForState``).
    public var speaksForState: Bool

    public init(
        id: String, name: String, type: EntityType, country: String? = nil, roles: [String] = [], sector: String? = nil,
        kbID: String? = nil, latitude: Double? = nil, longitude: Double? = nil, mentions: [Int], speaksForState: Bool = false
    ) {
        self.id = id
        self.name = name
        self.type = type
        self.country = country
        self.roles = roles
        self.sector = sector
        self.kbID = kbID
        self.latitude = latitude
        self.longitude = longitude
        self.mentions = mentions
        self.speaksForState = speaksForState
    }

    /// Whether the entity is a news organisation (sector MED): a channel of what actors say, not an actor.
    public var isNewsOutlet: Bool { type == .org && sector == "MED" }

    /// A CAMEO-style actor code: country and sector ("RUSGOV", "PRKMIL"), or nil without a country.
    public var actorCode: String? {
        guard let country else { return sector == "IGO" ? "IGO" : nil }
        return country + (sector ?? "")
    }
}

extension Document {
    /// The index in ``entities`` of each mention's entity, or nil for mentions no entity took.
    public func entityOfMention() -> [Int?] {
        var map = [Int?](repeating: nil, count: mentions.count)
        for (e, entity) in entities.enumerated() {
            for m in entity.mentions { map[m] = e }
        }
        return map
    }
}
