/// The article body as written out, and the map from the document's byte
/// offsets to code-point offsets into it (the offsets of the JSON contract).
///
/// The body is the body blocks' text, joined by blank lines.
public struct BodyMap: Sendable {
    public let body: String
    private let blocks: [Span]
    /// Code-point offset in ``body`` where each block starts.
    private let starts: [Int]
    private let utf8: [UInt8]
    /// How many code points start before each multiple of ``checkpointBytes`` of the document's bytes.
    private let codePointsAtCheckpoints: [Int]

    private static let checkpointBytes = 64

    public init(_ document: Document) {
        utf8 = document.utf8
        var counts = [0]
        counts.reserveCapacity(utf8.count / Self.checkpointBytes + 1)
        var codePoints = 0
        utf8.withUnsafeBufferPointer { bytes in
            var start = 0
            while start + Self.checkpointBytes <= bytes.count {
                for byte in bytes[start..<(start + Self.checkpointBytes)] where byte & 0xC0 != 0x80 { codePoints += 1 }
                counts.append(codePoints)
                start += Self.checkpointBytes
            }
        }
        codePointsAtCheckpoints = counts
        blocks = document.bodyBlocks.map(\.span)
        var text = ""
        var starts: [Int] = []
        var scalars = 0
        for (index, span) in blocks.enumerated() {
            if index > 0 {
                text += "\n\n"
                scalars += 2
            }
            starts.append(scalars)
            let piece = document.string(span)
            text += piece
            scalars += piece.unicodeScalars.count
        }
        body = text
        self.starts = starts
    }

    /// The code-point offset in ``body`` of a byte offset of the document, or nil when it lies outside the body.
    public func offset(_ byte: Int) -> Int? {
        let low = blocks.partitionPoint { $0.end >= byte }
        guard low < blocks.count, blocks[low].start <= byte else { return nil }
        return starts[low] + codePoints(before: byte) - codePoints(before: blocks[low].start)
    }

    /// How many code points start before a byte offset of the document.
    private func codePoints(before byte: Int) -> Int {
        let checkpoint = byte / Self.checkpointBytes
        var count = codePointsAtCheckpoints[checkpoint]
        for i in (checkpoint * Self.checkpointBytes)..<byte where utf8[i] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// The code-point range in ``body`` of a document span, when both ends lie in the body.
    public func range(_ span: Span) -> (start: Int, end: Int)? {
        guard let start = offset(span.start), let end = offset(span.end) else { return nil }
        return (start, end)
    }
}
