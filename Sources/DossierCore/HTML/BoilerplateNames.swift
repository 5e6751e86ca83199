import Foundation

/// The class, id and role names that mark page furniture, from `html-boilerplate.txt`.
public struct BoilerplateNames: Sendable {
    /// What a class or id says about its element.
    public enum Verdict: UInt8, Sendable {
        case neutral, furniture, article, caption
    }

    let words: Set<[UInt8]>
    let parts: [[UInt8]]
    let keeps: [[UInt8]]
    let captions: [[UInt8]]
    let roles: Set<String>

    /// The English tables of the package's resources.
    public static let standard: BoilerplateNames = {
        do {
            return try BoilerplateNames(lines: Resource.lines("en", "html-boilerplate.txt"))
        } catch {
            fatalError("Dossier's bundled language data is unreadable: \(error)")
        }
    }()

    /// Reads the rules, one `KIND<tab>pattern` a line.
    public init(lines: [Substring]) throws {
        var words = Set<String>()
        var parts: [String] = []
        var keeps: [String] = []
        var captions: [String] = []
        var roles = Set<String>()
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: true)
            guard fields.count == 2 else { throw ResourceError.malformed(file: "html-boilerplate.txt", line: String(line)) }
            let pattern = String(fields[1]).trimmingCharacters(in: .whitespaces)
            switch fields[0] {
            case "word": words.insert(pattern)
            case "part": parts.append(pattern)
            case "keep": keeps.append(pattern)
            case "caption": captions.append(pattern)
            case "role": roles.insert(pattern)
            default: throw ResourceError.malformed(file: "html-boilerplate.txt", line: String(line))
            }
        }
        self.words = Set(words.map { Array($0.utf8) })
        self.parts = parts.map { Array($0.utf8) }
        self.keeps = keeps.map { Array($0.utf8) }
        self.captions = captions.map { Array($0.utf8) }
        self.roles = roles
    }

    /// What an element's class and id names say it is.
    public func verdict(names: String) -> Verdict {
        var words: [[UInt8]] = []
        var joined: [UInt8] = []
        var word: [UInt8] = []
        var previousLower = false
        for byte in names.utf8 {
            let isUpper = byte >= 0x41 && byte <= 0x5A
            let isLower = (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
            let isWordByte = isUpper || isLower || (byte >= 0x30 && byte <= 0x39)
            if !isWordByte || (isUpper && previousLower) {
                if !word.isEmpty { words.append(word) }
                word.removeAll(keepingCapacity: true)
            }
            if isWordByte {
                word.append(isUpper ? byte | 0x20 : byte)
                joined.append(isUpper ? byte | 0x20 : byte)
            }
            previousLower = isLower
        }
        if !word.isEmpty { words.append(word) }
        if keeps.contains(where: { Self.contains(joined, $0) }) { return .article }
        if captions.contains(where: { Self.contains(joined, $0) }) { return .caption }
        if words.contains(where: self.words.contains) || parts.contains(where: { Self.contains(joined, $0) }) { return .furniture }
        return .neutral
    }

    private static func contains(_ text: [UInt8], _ pattern: [UInt8]) -> Bool {
        guard pattern.count <= text.count, let first = pattern.first else { return false }
        var start = 0
        while start + pattern.count <= text.count {
            if text[start] == first && text[start..<(start + pattern.count)].elementsEqual(pattern) { return true }
            start += 1
        }
        return false
    }

    /// Whether an ARIA role marks furniture.
    public func isFurnitureRole(_ role: String) -> Bool { roles.contains(role.lowercased()) }
}
