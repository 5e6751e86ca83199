/// A case-insensitive pattern over a whole paragraph: `*` matches any run of
/// bytes (captured), `#` a run of digits, a space one or more spaces; anything
/// else matches itself, ASCII letters in either case (other letters as written: "À lire aussi").
///
/// ```swift
/// let credit = GlobPattern("--with * inputs")
/// credit.match(Array("--With PTI inputs".utf8))  // [Span(7, 10)]: "PTI"
/// ```
public struct GlobPattern: Sendable, Hashable, CustomStringConvertible {
    private let pattern: [UInt8]
    /// The longest literal run without spaces or wildcards: text without it cannot match.
    private let anchor: [UInt8]
    public let description: String

    public init(_ pattern: String) {
        self.description = pattern
        self.pattern = pattern.utf8.map(CharClass.lowered)
        anchor = self.pattern.split { $0 == 0x2A || $0 == 0x23 || $0 == 0x20 }.max { $0.count < $1.count }.map(Array.init) ?? []
    }

    /// Whether the pattern starts with a wildcard (and so must search the text).
    public var isFloating: Bool { pattern.first == 0x2A }

    /// The byte a matching text ends with, lowercased, when the pattern ends with a literal one.
    private var lastByte: UInt8? {
        guard let last = pattern.last, last != 0x2A, last != 0x23, last != 0x20 else { return nil }
        return last
    }

    /// The byte a matching text starts with, lowercased, when the pattern starts with a literal one.
    public var firstByte: UInt8? {
        guard let first = pattern.first, first != 0x2A, first != 0x23, first != 0x20 else { return nil }
        return first
    }

    /// The spans the stars captured, in order, or nil when the text does not match.
    public func match(_ text: ArraySlice<UInt8>) -> [Span]? {
        // A literal last byte must end the text: most paragraphs fail here at once.
        if let last = lastByte {
            guard text.last.map(CharClass.lowered) == last else { return nil }
        }
        if isFloating && !holdsAnchor(text) { return nil }
        var captures: [Span] = []
        return matchFrom(0, text, text.startIndex, &captures) ? captures : nil
    }

    /// Whether the text holds the anchor, ignoring ASCII case.
    private func holdsAnchor(_ text: ArraySlice<UInt8>) -> Bool {
        guard let first = anchor.first, text.count >= anchor.count else { return anchor.isEmpty }
        var i = text.startIndex
        let last = text.endIndex - anchor.count
        while i <= last {
            if (text[i] >= 0x41 && text[i] <= 0x5A ? text[i] | 0x20 : text[i]) == first {
                var j = 1
                while j < anchor.count {
                    let b = text[i + j]
                    if (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) != anchor[j] { break }
                    j += 1
                }
                if j == anchor.count { return true }
            }
            i += 1
        }
        return false
    }

    public func match(_ text: [UInt8]) -> [Span]? { match(text[...]) }

    private func matchFrom(_ p: Int, _ text: ArraySlice<UInt8>, _ t: Int, _ captures: inout [Span]) -> Bool {
        var p = p
        var t = t
        while p < pattern.count {
            let c = pattern[p]
            if c == 0x2A {  // *
                let depth = captures.count
                var end = t
                while end <= text.endIndex {
                    captures.append(Span(t, end))
                    if matchFrom(p + 1, text, end, &captures) { return true }
                    captures.removeSubrange(depth...)
                    end += 1
                }
                return false
            }
            guard t < text.endIndex else { return false }
            if c == 0x23 {  // #
                guard CharClass.isDigit(text[t]) else { return false }
                while t < text.endIndex && CharClass.isDigit(text[t]) { t += 1 }
                p += 1
                continue
            }
            if c == 0x20 {
                guard text[t] == 0x20 else { return false }
                while t < text.endIndex && text[t] == 0x20 { t += 1 }
                p += 1
                continue
            }
            var b = text[t]
            if b >= 0x41 && b <= 0x5A { b |= 0x20 }
            guard b == c else { return false }
            p += 1
            t += 1
        }
        return t == text.endIndex
    }
}
