/// The words of `entity-words.txt`: honorifics, pronouns, place prepositions and the like.
public struct EntityWords: Sendable {
    public let honorifics: Set<String>
    /// Pronouns, lowercased, by the referent they take.
    public let pronouns: [String: Pronoun]
    public let former: String
    public let latter: String
    /// Lowercased words before a place name that make it a place ("in", "at").
    public let placeWords: Set<String>
    public let articles: Set<String>
    public let determiners: Set<String>
    /// "the North" → "PRK".
    public let contextual: [String: String]
    public let notNames: Set<String>
    /// Last words, lowercased, that make a miscellaneous name an event ("Korean War", "Winter Olympics").
    public let eventHeads: Set<String>
    /// Honorifics that are courtesy, not office: not kept as roles ("Mr.").
    public let courtesyTitles: Set<String>
    /// Words before a place name that more often name a recipient than a place: not enough for a one-word city ("to Kim").
    public let directions: Set<String>
    /// Object pronouns, lowercased ("him"): never the subject of the relative clause they stand in.
    public let objectPronouns: Set<String>
    /// Relative pronouns, lowercased ("who").
    public let relativePronouns: Set<String>
    /// Lowercase words inside people's names ("bin", "al", "van").
    public let particles: Set<String>
    /// Last words that make a name a place ("Shipyard", "Square").
    public let placeHeads: Set<String>

    /// What a pronoun can refer to.
    public enum Pronoun: Sendable, Hashable {
        case he, she, they
    }

    init(lines: [Substring]) throws {
        var classes: [String: [String]] = [:]
        var contextual: [String: String] = [:]
        for line in lines {
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count >= 2 else { throw ResourceError.malformed(file: "entity-words.txt", line: String(line)) }
            if fields[0] == "contextual" {
                guard fields.count == 3 else { throw ResourceError.malformed(file: "entity-words.txt", line: String(line)) }
                contextual[fields[1]] = fields[2]
            } else {
                classes[fields[0], default: []] += fields[1].split(separator: "|").map(String.init)
            }
        }
        honorifics = Set(classes["honorific"] ?? [])
        var pronouns: [String: Pronoun] = [:]
        for word in classes["he"] ?? [] { pronouns[word] = .he }
        for word in classes["she"] ?? [] { pronouns[word] = .she }
        for word in classes["they"] ?? [] { pronouns[word] = .they }
        self.pronouns = pronouns
        former = classes["former"]?.first ?? "former"
        latter = classes["latter"]?.first ?? "latter"
        placeWords = Set(classes["place"] ?? [])
        articles = Set(classes["article"] ?? [])
        determiners = Set(classes["determiner"] ?? [])
        self.contextual = contextual
        notNames = Set(classes["notname"] ?? [])
        placeHeads = Set(classes["placehead"] ?? [])
        particles = Set(classes["particle"] ?? [])
        eventHeads = Set(classes["eventhead"] ?? [])
        courtesyTitles = Set(classes["courtesy"] ?? [])
        directions = Set(classes["direction"] ?? [])
        objectPronouns = Set(classes["object-pronoun"] ?? [])
        relativePronouns = Set(classes["relative"] ?? [])
    }
}
