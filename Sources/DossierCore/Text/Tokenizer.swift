/// Splits the text a reader reads (body, headline, standfirst, captions) into tokens the way the Penn Treebank does (layer ``Layer/tokens``):
/// punctuation apart, possessives and contractions split ("Korea's" → "Korea" "'s",
/// "don't" → "do" "n't"), while abbreviations ("U.S.", "Gen."), initials, numbers
/// ("1,000", "3.5", "4:03"), hyphenated words ("U.S.-led"), URLs and handles stay whole.
///
/// It runs on ``Document/folded`` bytes, so curly quotes, odd spaces and dashes
/// behave like their ASCII forms, and keeps exact spans into the original text.
public struct Tokenizer: Stage {
    public let name = "tokenizer"
    public let requires: Set<Layer> = [.furniture]
    public let assigns: Set<Layer> = [.tokens]
    public let abbreviations: Abbreviations

    public init(abbreviations: Abbreviations) {
        self.abbreviations = abbreviations
    }

    public func run(_ document: inout Document) throws {
        var keys: [Span] = []
        keys.reserveCapacity(document.folded.bytes.count / 5)
        for block in document.blocks where block.role.isRead {
            tokenize(document.folded.bytes, document.folded.folded(block.span), into: &keys)
        }
        let folded = document.folded
        document.tokens = keys.map { Token(span: folded.original($0), key: $0) }
    }

    /// Appends the tokens of `bytes[range]` to `tokens`, as spans of `bytes`.
    public func tokenize(_ bytes: [UInt8], _ range: Span, into tokens: inout [Span]) {
        bytes.withUnsafeBufferPointer { buffer in
            var i = range.start
            let end = range.end
            while i < end {
                let c = buffer[i]
                let kind = CharClass.table[Int(c)]
                if kind == CharClass.space {
                    i += 1
                    continue
                }
                if kind & CharClass.word != 0 || ((c == 0x40 || c == 0x23) && i + 1 < end && CharClass.isWord(buffer[i + 1])) {
                    i = word(buffer, i, end, &tokens)
                    continue
                }
                // Punctuation: runs of dots and dashes are one token; anything else stands alone.
                var j = i + 1
                if c == 0x2E || c == 0x2D {
                    while j < end && buffer[j] == c { j += 1 }
                }
                tokens.append(Span(i, j))
                i = j
            }
        }
    }

    /// Reads one word starting at `start`; appends its tokens and returns where it ends.
    @inline(__always)
    private func word(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ tokens: inout [Span]) -> Int {
        var i = start + 1
        var innerPeriod = false
        var apostrophe = false
        while i < end {
            let c = b[i]
            if CharClass.isWord(c) {
                i += 1
                continue
            }
            // "U.S.-led": a period, then a hyphen joining another word.
            if c == 0x2E && i + 2 < end && b[i + 1] == 0x2D && CharClass.isWord(b[i + 2]) {
                innerPeriod = true
                i += 3
                continue
            }
            guard i + 1 < end, CharClass.isWord(b[i + 1]) else { break }
            let next = b[i + 1]
            switch c {
            case 0x2E:  // .
                innerPeriod = true
            case 0x2D, 0x2F, 0x26, 0x40, 0x5F:  // - / & @ _
                break
            case 0x27:  // '
                apostrophe = true
            case 0x2C:  // , between digits
                guard CharClass.isDigit(b[i - 1]) && CharClass.isDigit(next) else {
                    return finish(b, start, i, end, innerPeriod, apostrophe, &tokens)
                }
            case 0x3A:  // : between digits, or a URL's "://"
                if CharClass.isDigit(b[i - 1]) && CharClass.isDigit(next) { break }
                return finish(b, start, i, end, innerPeriod, apostrophe, &tokens)
            default:
                return finish(b, start, i, end, innerPeriod, apostrophe, &tokens)
            }
            i += 2
        }
        if i + 2 < end && b[i] == 0x3A && b[i + 1] == 0x2F && b[i + 2] == 0x2F {  // URL: to the next space
            var j = i + 3
            while j < end && CharClass.table[Int(b[j])] != CharClass.space { j += 1 }
            while j > i + 3 && CharClass.isTrailingPunctuation(b[j - 1]) { j -= 1 }
            tokens.append(Span(start, j))
            return j
        }
        return finish(b, start, i, end, innerPeriod, apostrophe, &tokens)
    }

    /// Splits off contractions and decides whether a following period belongs to the word.
    @inline(__always)
    private func finish(
        _ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ wordEnd: Int, _ end: Int,
        _ innerPeriod: Bool, _ apostrophe: Bool, _ tokens: inout [Span]
    ) -> Int {
        if apostrophe, let cut = contraction(b, start, wordEnd) {
            tokens.append(Span(start, cut))
            tokens.append(Span(cut, wordEnd))
            return wordEnd
        }
        if wordEnd < end && b[wordEnd] == 0x2E && !(wordEnd + 1 < end && b[wordEnd + 1] == 0x2E) {
            if abbreviations.table[b[start...wordEnd]] != nil
                || (wordEnd - start == 1 && CharClass.isUpper(b[start]))
                || (innerPeriod && isAcronym(b, start, wordEnd))
            {
                tokens.append(Span(start, wordEnd + 1))
                return wordEnd + 1
            }
        }
        tokens.append(Span(start, wordEnd))
        return wordEnd
    }

    /// Where a contraction or possessive at the word's end starts ('s 'm 'd 'll 're 've n't), if any.
    @inline(__always)
    private func contraction(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        let length = end - start
        func lower(_ i: Int) -> UInt8 { b[i] | 0x20 }
        if length > 2 && b[end - 2] == 0x27 {
            let c = lower(end - 1)
            if c == 0x73 || c == 0x6D || c == 0x64 { return end - 2 }  // 's 'm 'd
        }
        if length > 3 && b[end - 3] == 0x27 {
            let (c1, c2) = (lower(end - 2), lower(end - 1))
            if (c1 == 0x6C && c2 == 0x6C) || (c1 == 0x72 && c2 == 0x65) || (c1 == 0x76 && c2 == 0x65) { return end - 3 }
        }
        if length > 3 && b[end - 2] == 0x27 && lower(end - 1) == 0x74 && lower(end - 3) == 0x6E { return end - 3 }  // n't
        return nil
    }

    /// "U.S", "a.m", "Ph.D": letters in groups of one to three between periods.
    @inline(__always)
    private func isAcronym(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var run = 0
        for i in start..<end {
            if b[i] == 0x2E {
                if run == 0 { return false }
                run = 0
            } else if CharClass.isLetter(b[i]) {
                run += 1
                if run > 3 { return false }
            } else {
                return false
            }
        }
        return run > 0
    }
}

/// Byte classes for the tokenizer and the sentence splitter.
enum CharClass {
    static let space: UInt8 = 1
    static let word: UInt8 = 2
    static let digit: UInt8 = 4
    static let upper: UInt8 = 8
    static let lower: UInt8 = 16

    static let table: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 256)
        for c in [0x20, 0x0A, 0x09, 0x0D, 0x0B, 0x0C] { t[c] = space }
        for c in 0x30...0x39 { t[c] = word | digit }
        for c in 0x41...0x5A { t[c] = word | upper }
        for c in 0x61...0x7A { t[c] = word | lower }
        for c in 0x80...0xFF { t[c] = word }
        return t
    }()

    @inline(__always) static func isWord(_ c: UInt8) -> Bool { table[Int(c)] & word != 0 }
    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { table[Int(c)] & digit != 0 }
    @inline(__always) static func isUpper(_ c: UInt8) -> Bool { table[Int(c)] & upper != 0 }
    @inline(__always) static func isLetter(_ c: UInt8) -> Bool { table[Int(c)] & (upper | lower) != 0 }
    /// The byte with an ASCII capital lowered.
    @inline(__always) static func lowered(_ c: UInt8) -> UInt8 { c &- 0x41 < 26 ? c | 0x20 : c }
    @inline(__always) static func isTrailingPunctuation(_ c: UInt8) -> Bool {
        c == 0x2E || c == 0x2C || c == 0x3B || c == 0x3A || c == 0x29 || c == 0x22 || c == 0x27 || c == 0x21 || c == 0x3F
    }
}
