/// The text normalised for matching, with a map back to the original bytes.
///
/// Typographic variants become their ASCII forms (curly quotes, dashes, the
/// ellipsis), odd spaces become a plain space, invisible characters (zero-width
/// spaces, soft hyphens, byte order marks) disappear, and CRLF or a lone CR
/// becomes `\n`. Analysis runs on ``bytes``; ``original(_:)`` turns its
/// offsets back into offsets of the document's UTF-8, so spans stay exact.
///
/// Text that needs none of this (plain ASCII with `\n` line ends) is not
/// copied and maps to itself.
public struct FoldedText: Sendable {
    /// The normalised bytes.
    public let bytes: [UInt8]
    /// For each normalised byte, its offset in the original; one extra entry for the end. Nil when the two are the same.
    private let origin: [Int32]?

    public init(_ utf8: [UInt8]) {
        if !utf8.contains(where: { $0 >= 0x80 || ($0 < 0x20 && $0 != 0x0A) }) {
            bytes = utf8
            origin = nil
            return
        }
        var out: [UInt8] = []
        var map: [Int32] = []
        out.reserveCapacity(utf8.count)
        map.reserveCapacity(utf8.count + 1)
        var i = 0
        let n = utf8.count
        while i < n {
            let b = utf8[i]
            if b < 0x80 {
                switch b {
                case 0x0D:  // CR, CRLF
                    out.append(0x0A)
                    map.append(Int32(i))
                    i += (i + 1 < n && utf8[i + 1] == 0x0A) ? 2 : 1
                    continue
                case 0x09, 0x0B, 0x0C:
                    out.append(0x20)
                default:
                    out.append(b)
                }
                map.append(Int32(i))
                i += 1
                continue
            }
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            let end = min(i + length, n)
            if let replacement = FoldedText.replacement(utf8, i, end) {
                for byte in replacement {
                    out.append(byte)
                    map.append(Int32(i))
                }
            } else {
                for j in i..<end {
                    out.append(utf8[j])
                    map.append(Int32(j))
                }
            }
            i = end
        }
        map.append(Int32(n))
        bytes = out
        origin = map
    }

    /// The original offset of a normalised offset (`bytes.count` maps to the end of the text).
    @inline(__always)
    public func original(_ offset: Int) -> Int {
        guard let origin else { return offset }
        return Int(origin[offset])
    }

    /// The original span of a normalised span.
    @inline(__always)
    public func original(_ span: Span) -> Span {
        Span(original(span.start), original(span.end))
    }

    /// The normalised offset of an original offset: the first normalised byte at or after it.
    public func folded(_ offset: Int) -> Int {
        guard let origin else { return offset }
        return origin.dropLast().partitionPoint { Int($0) >= offset }
    }

    /// The normalised span of an original span.
    public func folded(_ span: Span) -> Span { Span(folded(span.start), folded(span.end)) }

    /// The normalised text of a normalised span.
    public func string(_ span: Span) -> String {
        String(decoding: bytes[span.start..<span.end], as: UTF8.self)
    }

    /// What a non-ASCII character at `utf8[start..<end]` folds to, or nil to keep it.
    private static func replacement(_ utf8: [UInt8], _ start: Int, _ end: Int) -> [UInt8]? {
        let length = end - start
        if length == 2 {
            guard utf8[start] == 0xC2 else { return nil }
            switch utf8[start + 1] {
            case 0xA0: return [0x20]  // no-break space
            case 0xAD: return []  // soft hyphen
            case 0xAB, 0xBB: return [0x22]  // « »
            default: return nil
            }
        }
        guard length == 3 else { return nil }
        let (b0, b1, b2) = (utf8[start], utf8[start + 1], utf8[start + 2])
        if b0 == 0xE2 && b1 == 0x80 {
            switch b2 {
            case 0x80...0x8A, 0xAF: return [0x20]  // en quad ... hair space, narrow no-break space
            case 0x8B...0x8F: return []  // zero-width space, joiners, direction marks
            case 0x90, 0x91, 0x93: return [0x2D]  // hyphen, non-breaking hyphen, en dash
            case 0x94, 0x95: return [0x2D, 0x2D]  // em dash, horizontal bar
            case 0x98, 0x99, 0x9B, 0xB2: return [0x27]  // ‘ ’ ‛ ′
            case 0x9C, 0x9D, 0x9E, 0x9F, 0xB3: return [0x22]  // “ ” „ ‟ ″
            case 0xA6: return [0x2E, 0x2E, 0x2E]  // …
            case 0xA8, 0xA9: return [0x0A]  // line and paragraph separators
            default: return nil
            }
        }
        if b0 == 0xE2 && b1 == 0x81 && (b2 == 0x9F) { return [0x20] }  // medium mathematical space
        if b0 == 0xE2 && b1 == 0x81 && (b2 == 0xA0) { return [] }  // word joiner
        if b0 == 0xE2 && b1 == 0x88 && b2 == 0x92 { return [0x2D] }  // minus sign
        if b0 == 0xE3 && b1 == 0x80 && b2 == 0x80 { return [0x20] }  // ideographic space
        if b0 == 0xEF && b1 == 0xBB && b2 == 0xBF { return [] }  // zero-width no-break space
        return nil
    }
}
