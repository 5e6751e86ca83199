/// Groups the tokens into sentences (layer ``Layer/sentences``).
///
/// A sentence ends at `.`, `!`, `?` or an ellipsis (with the closing quotes and
/// brackets that follow it) when the next token opens a sentence: a capital, a
/// digit or an opening quote. An abbreviation's period ends one only as its
/// class allows (see `abbreviations.txt`): "Gen. Lee" never, "the U.S. The"
/// does. A block's end (a paragraph, a caption) always ends a sentence.
public struct SentenceSplitter: Stage {
    public let name = "sentences"
    public let requires: Set<Layer> = [.furniture, .tokens]
    public let assigns: Set<Layer> = [.sentences]
    public let data: SentenceData

    public init(data: SentenceData) {
        self.data = data
    }

    public func run(_ document: inout Document) throws {
        let tokens = document.tokens
        var sentences: [Sentence] = []
        sentences.reserveCapacity(tokens.count / 20 + 1)
        let blocks = document.blocks
        document.folded.bytes.withUnsafeBufferPointer { b in
            var blockIndex = 0
            var first = 0
            var i = 0
            func close(_ last: Int) {
                let span = Span(tokens[first].span.start, tokens[last].span.end)
                sentences.append(Sentence(span: span, tokens: first..<(last + 1), block: blockIndex))
                first = last + 1
            }
            while i < tokens.count {
                while blockIndex < blocks.count && blocks[blockIndex].span.end <= tokens[i].span.start { blockIndex += 1 }
                let blockEnd = blockIndex < blocks.count ? blocks[blockIndex].span.end : Int.max
                var last = i
                var ends = false
                switch terminator(b, tokens[i].key) {
                case .none:
                    ends = false
                case .strong:
                    // Absorb further terminators and the closing quotes and brackets glued to them.
                    while last + 1 < tokens.count, tokens[last + 1].key.start == tokens[last].key.end,
                        isCloser(b, tokens[last + 1].key) || terminator(b, tokens[last + 1].key) == .strong
                    {
                        last += 1
                    }
                    ends = last + 1 >= tokens.count || opensSentence(b, tokens, last + 1)
                case .abbreviation(let kind):
                    ends = last + 1 < tokens.count && abbreviationEnds(kind, b, tokens[last + 1].key)
                }
                if last + 1 >= tokens.count || tokens[last + 1].span.start >= blockEnd {
                    ends = true
                }
                if ends { close(last) }
                i = last + 1
            }
            if first < tokens.count { close(tokens.count - 1) }
        }
        document.sentences = sentences
    }

    private enum Terminator: Equatable {
        case none
        case strong
        case abbreviation(Abbreviations.Kind)
    }

    @inline(__always)
    private func terminator(_ b: UnsafeBufferPointer<UInt8>, _ key: Span) -> Terminator {
        let last = b[key.end - 1]
        if key.length == 1 {
            return last == 0x2E || last == 0x21 || last == 0x3F ? .strong : .none
        }
        guard last == 0x2E else { return .none }
        if b[key.start] == 0x2E { return .strong }  // an ellipsis
        if let kind = data.abbreviations.table[b[key.start..<key.end]] { return .abbreviation(kind) }
        if key.length == 2 { return .abbreviation(.title) }  // an initial
        return .abbreviation(.end)  // an acronym the table lacks
    }

    @inline(__always)
    private func isCloser(_ b: UnsafeBufferPointer<UInt8>, _ key: Span) -> Bool {
        guard key.length == 1 else { return false }
        let c = b[key.start]
        return c == 0x22 || c == 0x27 || c == 0x29 || c == 0x5D
    }

    /// Whether the token at `index` can open a sentence: a capital, a digit, or an opening quote or bracket before one.
    @inline(__always)
    private func opensSentence(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ index: Int) -> Bool {
        let c = b[tokens[index].key.start]
        if CharClass.isUpper(c) || CharClass.isDigit(c) || c >= 0x80 { return true }
        if (c == 0x22 || c == 0x27 || c == 0x28 || c == 0x5B || c == 0x2D) && index + 1 < tokens.count {
            let d = b[tokens[index + 1].key.start]
            return CharClass.isUpper(d) || CharClass.isDigit(d) || d >= 0x80
        }
        return false
    }

    @inline(__always)
    private func abbreviationEnds(_ kind: Abbreviations.Kind, _ b: UnsafeBufferPointer<UInt8>, _ next: Span) -> Bool {
        switch kind {
        case .title, .inner:
            return false
        case .month:
            return CharClass.isUpper(b[next.start])
        case .end:
            return data.openers[b[next.start..<next.end]] != nil
        }
    }
}
