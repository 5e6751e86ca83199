import Foundation

/// The class, id and role names that mark page furniture, from `html-boilerplate.txt`.
public struct BoilerplateNames: Sendable {
    /// What a class or id says about its element.
    public enum Verdict: UInt8, Sendable {
        case neutral, furniture, article, caption
    }

    /// Whole words that mark furniture.
    let words: ByteTable<Bool>
    /// Patterns found anywhere in the joined words: keeps, captions and furniture parts, each with its verdict.
    let patterns: PatternTable
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
        self.words = ByteTable(words.map { (Array($0.utf8), true) })
        self.patterns = PatternTable(keeps.map { ($0, .article) } + captions.map { ($0, .caption) } + parts.map { ($0, .furniture) })
        self.roles = roles
    }

    /// What an element's class and id names say it is.
    public func verdict(names: String) -> Verdict {
        var names = names
        return names.withUTF8 { verdict(classes: $0, id: UnsafeBufferPointer(start: nil, count: 0)) }
    }

    /// What an element's class and id names, as UTF-8 bytes, say it is: the names are cut into lowercase
    /// words and joined; a keep pattern in the joined words makes article, else a caption pattern a caption,
    /// else a furniture word or part furniture.
    func verdict(classes: UnsafeBufferPointer<UInt8>, id: UnsafeBufferPointer<UInt8>) -> Verdict {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: classes.count + id.count) { joined in
            var length = 0
            var hasWord = false
            for part in 0..<2 {
                let names = part == 0 ? classes : id
                var wordStart = length
                var previousLower = false
                for byte in names {
                    let isUpper = byte >= 0x41 && byte <= 0x5A
                    let isLower = (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
                    let isWordByte = isUpper || isLower || (byte >= 0x30 && byte <= 0x39)
                    if !isWordByte || (isUpper && previousLower) {
                        hasWord = hasWord || isWord(joined[wordStart..<length])
                        wordStart = length
                    }
                    if isWordByte {
                        joined[length] = isUpper ? byte | 0x20 : byte
                        length += 1
                    }
                    previousLower = isLower
                }
                hasWord = hasWord || isWord(joined[wordStart..<length])
            }
            var found: UInt8 = 0
            patterns.forEachMatch(in: UnsafeBufferPointer(rebasing: joined[..<length])) { found |= 1 << $0.rawValue }
            if found & 1 << Verdict.article.rawValue != 0 { return .article }
            if found & 1 << Verdict.caption.rawValue != 0 { return .caption }
            return hasWord || found & 1 << Verdict.furniture.rawValue != 0 ? .furniture : .neutral
        }
    }

    private func isWord(_ bytes: Slice<UnsafeMutableBufferPointer<UInt8>>) -> Bool {
        !bytes.isEmpty && words[UnsafeBufferPointer(rebasing: bytes)[...]] != nil
    }

    /// Whether an ARIA role marks furniture.
    public func isFurnitureRole(_ role: String) -> Bool { roles.contains(role.lowercased()) }
}

/// Byte patterns grouped by their first byte, each with a verdict, in one flat store.
struct PatternTable: Sendable {
    private var bytes: [UInt8] = []
    /// Pattern `i` is `bytes[bounds[i]..<bounds[i + 1]]`.
    private var bounds: [Int] = [0]
    private var verdicts: [BoilerplateNames.Verdict] = []
    /// The patterns starting with byte `b` are those from `firstByte[b]` up to `firstByte[b + 1]`.
    private var firstByte = [Int](repeating: 0, count: 257)
    /// A bit for each pair of bytes a pattern starts with (a one-byte pattern sets every pair it starts).
    private var firstPairs = [UInt64](repeating: 0, count: 1024)

    init(_ entries: [(String, BoilerplateNames.Verdict)]) {
        let sorted = entries.filter { !$0.0.isEmpty }.sorted { $0.0.utf8.first! < $1.0.utf8.first! }
        for (pattern, verdict) in sorted {
            let utf8 = Array(pattern.utf8)
            for second in utf8.count > 1 ? utf8[1]...utf8[1] : 0...255 {
                let pair = Int(utf8[0]) << 8 | Int(second)
                firstPairs[pair >> 6] |= 1 << (pair & 63)
            }
            bytes += utf8
            bounds.append(bytes.count)
            verdicts.append(verdict)
        }
        var index = 0
        for byte in 0..<256 {
            firstByte[byte] = index
            while index < sorted.count && sorted[index].0.utf8.first! == byte { index += 1 }
        }
        firstByte[256] = sorted.count
    }

    /// Calls `body` with the verdict of each pattern found in `text`.
    func forEachMatch(in text: UnsafeBufferPointer<UInt8>, _ body: (BoilerplateNames.Verdict) -> Void) {
        for start in text.indices {
            let first = Int(text[start])
            if start + 1 < text.count {
                let pair = first << 8 | Int(text[start + 1])
                if firstPairs[pair >> 6] & (1 << (pair & 63)) == 0 { continue }
            }
            for pattern in firstByte[first]..<firstByte[first + 1] where matches(pattern, text, at: start) {
                body(verdicts[pattern])
            }
        }
    }

    private func matches(_ pattern: Int, _ text: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        let length = bounds[pattern + 1] - bounds[pattern]
        guard start + length <= text.count else { return false }
        for offset in 0..<length where bytes[bounds[pattern] + offset] != text[start + offset] { return false }
        return true
    }
}
