import Foundation

/// The words of time expressions, from `time.txt`.
public struct TimeLexicon: Sendable {
    /// Capitalised month names and abbreviations → 1...12.
    public let months: [String: Int]
    /// Capitalised weekday names → 1 (Monday) ... 7.
    public let weekdays: [String: Int]
    public let dayparts: Set<String>
    /// "today" → 0, "yesterday" → -1 ...
    public let days: [String: Int]
    public let units: [String: TimeUnit]
    public let numbers: [String: Int]
    public let ordinals: [String: Int]
    public let shifts: [String: Int]
    public let futureMarkers: Set<String>
    public let quantities: Set<String>
    public let labels: Set<String>
    /// Nouns after an age that make it a person's age.
    public let persons: Set<String>
    public let prepositions: Set<String>
    /// Words before a bare year that make it date a statement ("in 2012", not "the 1953 armistice").
    public let datingWords: Set<String>
    /// Month names that are also common words ("May", "March").
    public let wordlike: Set<String>
    /// Lowercased words a time expression can start with (besides numbers).
    public let starters: Set<String>
    /// Words that can start or anchor a time expression, in the cases text writes them; a sentence without one (or a digit) holds none.
    public let triggers: ByteTable<Bool>

    init(lines: [Substring]) throws {
        var table: [String: [(String, String)]] = [:]
        for line in lines {
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count == 3 else { throw ResourceError.malformed(file: "time.txt", line: String(line)) }
            table[fields[0], default: []].append((fields[1], fields[2]))
        }
        func numbers(_ name: String, lowercase: Bool = true) throws -> [String: Int] {
            var out: [String: Int] = [:]
            for (word, value) in table[name] ?? [] {
                guard let number = Int(value) else { throw ResourceError.malformed(file: "time.txt", line: "\(name)\t\(word)\t\(value)") }
                out[lowercase ? word.lowercased() : word] = number
            }
            return out
        }
        func words(_ name: String) -> Set<String> { Set((table[name] ?? []).map { $0.0.lowercased() }) }
        months = try numbers("month", lowercase: false)
        weekdays = try numbers("weekday", lowercase: false)
        dayparts = words("daypart")
        days = try numbers("day")
        var units: [String: TimeUnit] = [:]
        for (word, name) in table["unit"] ?? [] {
            guard let unit = TimeUnit(rawValue: name) else {
                throw ResourceError.malformed(file: "time.txt", line: "unit\t\(word)\t\(name)")
            }
            units[word.lowercased()] = unit
        }
        self.units = units
        self.numbers = try numbers("number")
        ordinals = try numbers("ordinal")
        shifts = try numbers("shift")
        futureMarkers = words("future")
        quantities = words("quantity")
        labels = words("label")
        persons = words("person")
        datingWords = words("dating")
        prepositions = words("preposition")
        wordlike = Set((table["wordlike"] ?? []).map(\.0))
        var triggerWords = Set(months.keys).union(weekdays.keys)
        for word in Array(days.keys) + Array(shifts.keys) + ["ago", "earlier", "later", "anniversary", "century"] {
            triggerWords.formUnion([word, word.capitalized, word.uppercased()])
        }
        starters = Set(triggerWords.map { $0.lowercased() }).union(self.numbers.keys).union(ordinals.keys).union(["between", "from"])
            .union(Set((table["ordinal"] ?? []).map { $0.0 }))
        triggers = ByteTable(Dictionary(uniqueKeysWithValues: triggerWords.map { ($0, true) }))
    }
}

/// A calendar unit of relative expressions ("two days ago", "last week").
public enum TimeUnit: String, Sendable, Hashable {
    case day, week, month, year, decade
}
