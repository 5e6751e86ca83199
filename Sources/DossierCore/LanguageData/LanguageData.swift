import Foundation

/// The language data every stage reads, loaded once from the package's
/// resource files into immutable tables.
public struct LanguageData: Sendable {
    public let abbreviations: Abbreviations
    public let sentenceData: SentenceData
    public let furniture: FurnitureRules
    public let time: TimeLexicon
    public let entityWords: EntityWords
    public let speech: SpeechWords
    public let eventPatterns: EventPatterns
    public let eventWords: EventWords
    public let cameo: CameoTable
    public let agents: AgentNouns

    /// English, from the files in `Resources/en`.
    public static let english: LanguageData = {
        do {
            return try LanguageData(directory: "en")
        } catch {
            fatalError("Dossier's bundled language data is unreadable: \(error)")
        }
    }()

    /// Loads the data of one language folder of the package's resources.
    public init(directory: String) throws {
        let abbreviations = try Abbreviations(lines: Resource.lines(directory, "abbreviations.txt"))
        self.abbreviations = abbreviations
        self.sentenceData = SentenceData(
            abbreviations: abbreviations,
            openers: try Resource.lines(directory, "sentence-openers.txt"))
        self.furniture = try FurnitureRules(
            rules: Resource.lines(directory, "furniture.txt"),
            agencies: Resource.lines(directory, "agencies.txt"))
        self.time = try TimeLexicon(lines: Resource.lines(directory, "time.txt"))
        self.entityWords = try EntityWords(lines: Resource.lines(directory, "entity-words.txt"))
        self.speech = try SpeechWords(lines: Resource.lines(directory, "speech.txt"))
        let eventWords = try EventWords(lines: Resource.lines(directory, "event-words.txt"))
        self.eventWords = eventWords
        self.eventPatterns = try EventPatterns(
            lines: Resource.lines(directory, "event-patterns.txt"), converted: Resource.lines(directory, "event-patterns-petrarch.txt"),
            governing: eventWords.intent.union(eventWords.refusal).union(eventWords.cancelling).union(eventWords.reducing))
        self.cameo = try CameoTable(lines: Resource.lines(directory, "cameo.tsv"), policies: Resource.lines(directory, "cameo-policy.txt"))
        self.agents = try AgentNouns(lines: Resource.lines(directory, "agents.tsv"))
    }
}

/// Reads the package's resource files.
public enum Resource {
    /// The bytes of a resource file.
    public static func data(_ directory: String, _ name: String) throws -> Data {
        guard let root = Bundle.module.resourceURL else { throw ResourceError.missing("\(directory)/\(name)") }
        let url = root.appendingPathComponent(directory).appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ResourceError.missing("\(directory)/\(name)")
        }
        return data
    }

    /// The meaningful lines of a resource file: trimmed, without blank lines and `#` comments.
    public static func lines(_ directory: String, _ name: String) throws -> [Substring] {
        let text = String(decoding: try data(directory, name), as: UTF8.self)
        // Trimmed by hand: Foundation's trimming costs more than the rest of reading a table of many lines.
        return text.split(separator: "\n").compactMap { line in
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            return trimmed.isEmpty || trimmed.hasPrefix("#") ? nil : line.drop { $0 == " " }
        }
    }

    /// The words of one class of a word-list file's `classes`: a class the file leaves out is an error, not an empty
    /// class that silently turns a rule off.
    static func words(of name: String, in classes: [String: [String]], file: String) throws -> Set<String> {
        guard let words = classes[name] else { throw ResourceError.missing("\(file): the class \(name)") }
        return Set(words)
    }

    /// The classes of a word-list file: lines of a class, a tab and words separated by `|`.
    static func wordClasses(_ lines: [Substring], file: String) throws -> [String: [String]] {
        var classes: [String: [String]] = [:]
        for line in lines {
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count == 2 else { throw ResourceError.malformed(file: file, line: String(line)) }
            classes[fields[0], default: []] += fields[1].split(separator: "|").map(String.init)
        }
        return classes
    }

    /// The report `dossier extract` reads when given no input.
    public static func defaultReport() throws -> Data { try data("seeds", "kim-shoigu.txt") }
}

public enum ResourceError: Error, CustomStringConvertible {
    case missing(String)
    case malformed(file: String, line: String)

    public var description: String {
        switch self {
        case .missing(let name): "resource \(name) is missing from the package"
        case .malformed(let file, let line): "resource \(file): cannot read the line '\(line)'"
        }
    }
}

/// Abbreviations that end in a period, with what each may do at a sentence's end.
public struct Abbreviations: Sendable {
    public enum Kind: UInt8, Sendable {
        /// Before a name: never ends a sentence (Mr., Gen.).
        case title
        /// A month: ends a sentence only before a capital that is not a number.
        case month
        /// Rarely ends a sentence (No., vs.).
        case inner
        /// May end a sentence (U.S., Inc.).
        case end
    }

    public let table: ByteTable<Kind>

    init(lines: [Substring]) throws {
        var entries: [String: Kind] = [:]
        for line in lines {
            let fields = line.split(separator: "\t")
            guard fields.count == 2, let kind = Self.kinds[String(fields[1])] else {
                throw ResourceError.malformed(file: "abbreviations.txt", line: String(line))
            }
            entries[String(fields[0])] = kind
        }
        table = ByteTable(entries)
    }

    private static let kinds: [String: Kind] = ["title": .title, "month": .month, "inner": .inner, "end": .end]
}

/// What the sentence splitter knows of the language.
public struct SentenceData: Sendable {
    public let abbreviations: Abbreviations
    /// Words that usually open a sentence.
    public let openers: ByteTable<Bool>

    init(abbreviations: Abbreviations, openers: [Substring]) {
        self.abbreviations = abbreviations
        self.openers = ByteTable(Dictionary(openers.map { (String($0), true) }, uniquingKeysWith: { a, _ in a }))
    }
}
