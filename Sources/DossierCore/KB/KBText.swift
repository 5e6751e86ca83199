import Foundation

/// How names become lookup keys, and how the knowledge base's TSV files are read (by hand, on bytes).
enum KBText {
    /// The lookup key of a name, or nil when nothing is left.
    ///
    /// Runs of spaces, tabs, line breaks, no-break spaces and hyphens become one space
    /// ("Kim Jong-un" == "Kim Jong Un"); curly apostrophes become "'"; a leading "the " goes
    /// ("the Kremlin" == "Kremlin"). A key of more than four characters is lower-cased; a shorter one
    /// keeps its case, so "US" and "us", "AP" and "ap" stay apart. `lowercase` lower-cases any key;
    /// `keepThe` keeps a leading "the", for names such as "The Hague" whose article is part of them.
    static func key(_ name: some StringProtocol, lowercase always: Bool = false, keepThe: Bool = false) -> String? {
        let name = name
        return name.utf8.withContiguousStorageIfAvailable { key(bytes: $0, lowercase: always, keepThe: keepThe) }
            ?? Array(name.utf8).withUnsafeBufferPointer { key(bytes: $0, lowercase: always, keepThe: keepThe) }
    }

    /// Whether a name starts with "the " or "The ".
    static func startsWithThe(_ name: some StringProtocol) -> Bool {
        let u = name.utf8
        guard u.count > 4 else { return false }
        var i = u.startIndex
        for expected: UInt8 in [0x74, 0x68, 0x65] {
            guard u[i] | 0x20 == expected else { return false }
            i = u.index(after: i)
        }
        return u[i] == 0x20
    }

    /// The lookup key of a name given as UTF-8 bytes.
    static func key(bytes: UnsafeBufferPointer<UInt8>, lowercase always: Bool = false, keepThe: Bool = false) -> String? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { out -> String? in
            var count = 0
            var ascii = true
            var space = false
            var characters = 0
            var i = 0
            let n = bytes.count
            while i < n {
                var byte = bytes[i]
                i += 1
                switch byte {
                case 0x20, 0x09, 0x0A, 0x0D, 0x2D:
                    space = count > 0
                    continue
                case 0xC2 where i < n && bytes[i] == 0xA0:  // no-break space
                    i += 1
                    space = count > 0
                    continue
                case 0xCA where i < n && bytes[i] == 0xBC:  // ʼ
                    i += 1
                    byte = 0x27
                case 0xE2 where i + 1 < n && bytes[i] == 0x80:
                    let b2 = bytes[i + 1]
                    if b2 == 0x98 || b2 == 0x99 {  // ‘ ’
                        i += 2
                        byte = 0x27
                    } else if b2 == 0x90 || b2 == 0x91 {  // ‐ ‑
                        i += 2
                        space = count > 0
                        continue
                    }
                default:
                    break
                }
                if space {
                    out[count] = 0x20
                    count += 1
                    characters += 1
                    space = false
                }
                if byte >= 0x80 { ascii = false }
                if byte & 0xC0 != 0x80 { characters += 1 }
                out[count] = byte
                count += 1
            }
            if count == 0 { return nil }
            var start = 0
            // A leading "the " (any case) is not part of the name.
            if !keepThe, count > 4, out[0] | 0x20 == 0x74, out[1] | 0x20 == 0x68, out[2] | 0x20 == 0x65, out[3] == 0x20 {
                start = 4
                characters -= 4
            }
            let result = UnsafeMutableBufferPointer(rebasing: out[start..<count])
            guard always || characters > 4 else { return String(decoding: result, as: UTF8.self) }
            if ascii {
                for j in result.indices where result[j] &- 0x41 < 26 { result[j] |= 0x20 }
                return String(decoding: result, as: UTF8.self)
            }
            return String(decoding: result, as: UTF8.self).lowercased()
        }
    }

    /// The number of words of a name: pieces between spaces and hyphens.
    static func words(_ name: String) -> Int {
        var count = 0
        var inWord = false
        for b in name.utf8 {
            if b == 0x20 || b == 0x2D {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }

    /// An upper bound on the tokens a tokenizer may cut a name into: every run of letters and digits
    /// (any non-ASCII character counts as a letter), and every other character that is not a space.
    static func tokens(_ name: String) -> Int {
        var count = 0
        var inWord = false
        for b in name.utf8 {
            let letter = b >= 0x80 || (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10
            if b == 0x20 {
                inWord = false
            } else if letter {
                if !inWord { count += 1 }
                inWord = true
            } else {
                count += 1
                inWord = false
            }
        }
        return count
    }

    /// One field of a TSV line: bytes valid only while `rows` runs its body.
    struct Field {
        let bytes: UnsafeBufferPointer<UInt8>

        var isEmpty: Bool { bytes.isEmpty }
        var string: String { String(decoding: bytes, as: UTF8.self) }
        var optional: String? { bytes.isEmpty ? nil : string }
        var utf8Count: Int { bytes.count }

        /// A `|`-separated list.
        var list: [String] {
            if bytes.isEmpty { return [] }
            var items: [String] = []
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x7C {
                if i > start {
                    items.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                }
                start = i + 1
            }
            return items
        }

        /// A decimal number such as "-23.5475"; nil when empty.
        var number: Double? {
            if bytes.isEmpty { return nil }
            var i = 0
            var negative = false
            if bytes[0] == 0x2D || bytes[0] == 0x2B {
                negative = bytes[0] == 0x2D
                i = 1
            }
            var whole: Int64 = 0
            var digits = 0
            while i < bytes.count, bytes[i] &- 0x30 < 10, digits < 15 {
                whole = whole * 10 + Int64(bytes[i] &- 0x30)
                i += 1
                digits += 1
            }
            var divisor: Int64 = 1
            if i < bytes.count, bytes[i] == 0x2E {
                i += 1
                while i < bytes.count, bytes[i] &- 0x30 < 10, digits < 15 {
                    whole = whole * 10 + Int64(bytes[i] &- 0x30)
                    divisor *= 10
                    i += 1
                    digits += 1
                }
            }
            // Anything else (exponents, very long numbers): the slow, exact path.
            guard digits > 0, i == bytes.count else { return Double(string) }
            let value = Double(whole) / Double(divisor)
            return negative ? -value : value
        }
    }

    /// Calls `body` with the fields of every data line of a TSV file: lines that are not blank and do
    /// not start with "#". Missing trailing fields read as empty.
    static func rows(_ data: Data, file: String, fields: Int, _ body: ([Field]) throws -> Void) throws {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let all = raw.bindMemory(to: UInt8.self)
            guard let base = all.baseAddress else { return }
            let empty = UnsafeBufferPointer<UInt8>(start: base, count: 0)
            var row: [Field] = []
            row.reserveCapacity(fields + 1)
            let n = all.count
            var lineStart = 0
            while lineStart < n {
                var lineEnd = lineStart
                while lineEnd < n, all[lineEnd] != 0x0A { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                var end = lineEnd
                if end > lineStart, all[end - 1] == 0x0D { end -= 1 }
                guard end > lineStart, all[lineStart] != 0x23 else { continue }  // blank, or a "#" comment
                var blank = true
                for i in lineStart..<end where all[i] != 0x20 && all[i] != 0x09 {
                    blank = false
                    break
                }
                if blank { continue }
                row.removeAll(keepingCapacity: true)
                var fieldStart = lineStart
                for i in lineStart...end where i == end || all[i] == 0x09 {
                    row.append(Field(bytes: UnsafeBufferPointer(start: base + fieldStart, count: i - fieldStart)))
                    fieldStart = i + 1
                }
                guard row.count <= fields + 1 else {
                    let line = String(decoding: UnsafeBufferPointer(start: base + lineStart, count: end - lineStart), as: UTF8.self)
                    throw ResourceError.malformed(file: file, line: line)
                }
                while row.count < fields { row.append(Field(bytes: empty)) }
                try body(row)
            }
        }
    }

    /// "Vladimir Putin" -> "vladimir-putin", for ids.
    static func slug(_ name: String) -> String {
        var out = ""
        var dash = false
        for scalar in name.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if dash, !out.isEmpty { out.append("-") }
                dash = false
                out.unicodeScalars.append(scalar)
            } else {
                dash = true
            }
        }
        return out
    }
}
