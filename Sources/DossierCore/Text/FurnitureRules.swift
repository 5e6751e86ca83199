import Foundation

/// The page-furniture rules of `furniture.txt` and the outlets of `agencies.txt`.
public struct FurnitureRules: Sendable {
    /// What a rule makes of a paragraph it matches.
    public enum Action: String, Sendable {
        case furniture
        case caption
        case credit
        case creditLine = "credit-line"
        case byline
        case highlights
    }

    public struct Rule: Sendable {
        public let action: Action
        public let pattern: GlobPattern
    }

    /// Rules whose pattern starts with literal text, tried first; then floating ones.
    public let rules: [Rule]
    /// For each first byte a paragraph may have (ASCII lowercased), the rules that can match it, in order: those
    /// starting with that byte or with a wildcard; the entry past the last byte value is for an empty paragraph.
    private let rulesByFirstByte: [[Int]]
    /// Every outlet, with all its names.
    public let agencies: [[String]]
    /// Outlet names for exact lookup, lowercased, and names in capitals that must match in capitals.
    private let agencyNames: Set<String>
    private let capitalNames: Set<String>

    init(rules lines: [Substring], agencies agencyLines: [Substring]) throws {
        var rules: [Rule] = []
        for line in lines {
            let fields = line.split(separator: "\t", maxSplits: 1)
            guard fields.count == 2, let action = Action(rawValue: String(fields[0])) else {
                throw ResourceError.malformed(file: "furniture.txt", line: String(line))
            }
            rules.append(Rule(action: action, pattern: GlobPattern(String(fields[1]))))
        }
        self.rules = rules
        rulesByFirstByte = (0...256).map { byte in
            rules.indices.filter { rules[$0].pattern.firstByte.map { Int($0) == byte } ?? true }
        }
        agencies = agencyLines.map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
        var names = Set<String>()
        var capitals = Set<String>()
        for name in agencies.joined() {
            if name.count <= 4 && name == name.uppercased() { capitals.insert(name) } else { names.insert(name.lowercased()) }
        }
        agencyNames = names
        capitalNames = capitals
    }

    /// The first rule matching a paragraph (folded bytes), with its captures.
    public func match(_ paragraph: ArraySlice<UInt8>) -> (Rule, [Span])? {
        for index in rulesByFirstByte[paragraph.first.map { Int(CharClass.lowered($0)) } ?? 256] {
            if rules[index].pattern.isFloating && paragraph.count > 400 { continue }
            if let captures = rules[index].pattern.match(paragraph) { return (rules[index], captures) }
        }
        return nil
    }

    /// Whether a text is exactly an outlet's name ("USA TODAY", "AP").
    public func isAgency(_ text: String) -> Bool {
        capitalNames.contains(text) || agencyNames.contains(text.lowercased())
    }

    /// The outlets named in a text, as written there, in order of appearance.
    public func agencies(in text: String) -> [String] {
        var found: [(String.Index, String)] = []
        let words = text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "&") })
        // Try the longest name first at each word.
        var index = 0
        while index < words.count {
            var matched = 0
            for length in stride(from: min(5, words.count - index), through: 1, by: -1) {
                let start = words[index].startIndex
                let end = words[index + length - 1].endIndex
                let candidate = String(text[start..<end])
                if isAgency(candidate) {
                    found.append((start, candidate))
                    matched = length
                    break
                }
            }
            index += max(matched, 1)
        }
        return found.map { $0.1 }
    }
}
