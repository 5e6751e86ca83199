/// Cuts the text into paragraphs (layer ``Layer/paragraphs``).
///
/// A paragraph is a line, or a run of lines between blank lines when the run
/// looks hard-wrapped (every line at most ``wrapWidth`` bytes and most of them
/// near it, as in e-mail and wire copy). Spans exclude surrounding spaces.
public struct ParagraphSplitter: Stage {
    public let name = "paragraphs"
    public let requires: Set<Layer> = [.text]
    public let assigns: Set<Layer> = [.paragraphs]
    /// The longest line a hard-wrapped paragraph has.
    public var wrapWidth = 100

    public init() {}

    public func run(_ document: inout Document) throws {
        let bytes = document.folded.bytes
        var lines: [Span] = []  // trimmed lines, folded space; empty spans mark blank lines
        var start = 0
        let n = bytes.count
        while start <= n {
            var end = start
            while end < n && bytes[end] != 0x0A { end += 1 }
            var s = start
            var e = end
            while s < e && isSpace(bytes[s]) { s += 1 }
            while e > s && isSpace(bytes[e - 1]) { e -= 1 }
            lines.append(Span(s, e))
            start = end + 1
        }
        var paragraphs: [Span] = []
        var group: [Span] = []
        func flush() {
            defer { group.removeAll(keepingCapacity: true) }
            guard !group.isEmpty else { return }
            if looksWrapped(group) {
                paragraphs.append(Span(group[0].start, group[group.count - 1].end))
            } else {
                paragraphs.append(contentsOf: group)
            }
        }
        for line in lines {
            if line.isEmpty { flush() } else { group.append(line) }
        }
        flush()
        document.paragraphs = paragraphs.map { document.folded.original($0) }
    }

    private func looksWrapped(_ group: [Span]) -> Bool {
        guard group.count >= 2, group.allSatisfy({ $0.length <= wrapWidth }) else { return false }
        let leading = group.dropLast()
        let mean = leading.reduce(0) { $0 + $1.length } / leading.count
        return mean >= wrapWidth / 2
    }

    @inline(__always) private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
}
