/// A half-open range of UTF-8 byte offsets into a ``Document``'s text.
///
/// Spans stay byte ranges everywhere inside Dossier; they become code-point
/// offsets only when written out (see ``BodyMap``).
public struct Span: Hashable, Sendable, Comparable {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }
    public var isEmpty: Bool { start >= end }
    public var range: Range<Int> { start..<end }

    public func contains(_ other: Span) -> Bool { start <= other.start && other.end <= end }

    public static func < (lhs: Span, rhs: Span) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }
}
