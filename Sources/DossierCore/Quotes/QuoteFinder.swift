/// A stretch of reported speech and who said it.
public struct Quote: Sendable, Hashable {
    /// The words quoted, without the quotation marks.
    public var span: Span
    /// In quotation marks (direct) or reported ("X said that ...").
    public var direct: Bool
    /// Index into ``Document/entities`` of the speaker.
    public var speaker: Int?
    /// The verb or phrase that attributes it ("said", "according to").
    public var cue: Span?
    /// When it was said: the time that governs the attribution, else the report's date.
    public var date: String? = nil
}

/// The words of `speech.txt`.
public struct SpeechWords: Sendable {
    public let verbs: Set<String>
    public let according: String
    public let complements: Set<String>
    /// Auxiliaries and adverbs that may stand between a speaker and the verb ("has said", "later said").
    public let beforeVerb: Set<String>
    /// Words that open an adjunct after a verb of saying ("said on Sunday", "said in a statement").
    public let adjuncts: Set<String>
    /// Verbs of saying whose object is the one addressed ("told reporters").
    public let addressing: Set<String>
    /// Relative pronouns that may stand between a speaker and the verb ("Christie, who noted").
    public let relativePronouns: Set<String>
    /// Prepositions: a name after one is no subject ("In Kyiv, ...").
    public let prepositions: Set<String>
    /// Participles of saying that speak for their clause's subject after a comma ("defended Kim, saying ...").
    public let participles: Set<String>
    /// Auxiliaries and copulas: one shows that a clause follows a verb of saying ("confirmed the deal was signed").
    public let auxiliaries: Set<String>
    /// Possessive pronouns ("his sister said"): owners of a subject, not subjects.
    public let possessivePronouns: Set<String>
    /// Verbs of saying whose clause may follow without "that" ("said the talks failed").
    public let bareClauseVerbs: Set<String>
    /// Words that open a clause ("whether", "if", "that"): a name after one is no speaker.
    public let clauseOpeners: Set<String>

    init(lines: [Substring]) throws {
        let classes = try Resource.wordClasses(lines, file: "speech.txt")
        verbs = Set(classes["verb"] ?? [])
        according = classes["according"]?.first ?? "according"
        complements = Set(classes["complement"] ?? [])
        beforeVerb = Set(classes["before-verb"] ?? [])
        adjuncts = Set(classes["adjunct"] ?? [])
        addressing = Set(classes["addressing"] ?? [])
        relativePronouns = Set(classes["relative"] ?? [])
        bareClauseVerbs = Set(classes["bare-clause"] ?? [])
        possessivePronouns = Set(classes["possessive"] ?? [])
        auxiliaries = Set(classes["auxiliary"] ?? [])
        participles = Set(classes["participle"] ?? [])
        prepositions = Set(classes["preposition"] ?? [])
        clauseOpeners = Set(classes["clause-opener"] ?? [])
    }
}

/// Finds quotations and reported speech with their speakers (layer ``Layer/quotes``).
///
/// Direct quotes are the words between double quotation marks, straight or
/// curly, a quote that runs over paragraphs included (its paragraphs open
/// with a mark and only the last closes it). Indirect ones are the clauses
/// of "X said (that) ...", "X told reporters in Geneva that ...", "..., X
/// said (on Sunday)", "..., said X", "according to X, ..." and "...,
/// according to X"; "..., adding that ..." reports again. A verb that
/// reports the direct quote just before it reports nothing more ("“...,” X
/// said at a press conference"), and words quoted within reported speech
/// belong to it ("said Russia saw no proof of the “slanderous” claims").
/// The speaker is the entity named beside the verb of saying in its own
/// clause ("X said", "said X", "X, a spokesman for Y, said", "he said"
/// through the pronoun's antecedent, never a name quoted), else the speaker
/// of a colon lead or of the quote just before.
public struct QuoteFinder: Stage {
    public let name = "quotes"
    public let requires: Set<Layer> = [.entities]
    public let assigns: Set<Layer> = [.quotes]
    public let words: SpeechWords
    /// ``SpeechWords/verbs``, for a lookup on every word.
    let verbs: WordMap<Bool>

    public init(words: SpeechWords) {
        self.words = words
        verbs = WordMap(words.verbs)
    }

    public func run(_ document: inout Document) throws {
        var finder = QuoteSearch(document: document, words: words, verbs: verbs)
        let quotes = finder.quotes()
        document.quotes = quotes.map { quote in
            var quote = quote
            quote.date = document.date(of: quote.cue ?? quote.span, future: false)
            return quote
        }
    }
}

private struct QuoteSearch {
    let document: Document
    let words: SpeechWords
    let verbs: WordMap<Bool>
    /// The entity of each mention.
    let entityOfMention: [Int?]
    /// Whether each token lies in a mention.
    let inMention: [Bool]
    /// How many words around a quote, and around a verb of saying, are searched for the verb and the speaker: a speaker
    /// is named beside the quote, and a text that is one endless sentence must not make each quote read all of it.
    static let reach = 40

    init(document: Document, words: SpeechWords, verbs: WordMap<Bool>) {
        self.document = document
        self.words = words
        self.verbs = verbs
        entityOfMention = document.entityOfMention()
        var inMention = [Bool](repeating: false, count: document.tokens.count)
        for mention in document.mentions {
            for t in mention.tokens.clamped(to: 0..<inMention.count) { inMention[t] = true }
        }
        self.inMention = inMention
    }

    mutating func quotes() -> [Quote] {
        let direct = direct()
        let indirect = indirect(excluding: direct)
        // A few words quoted within reported speech ("Lavrov said Russia saw no proof for the "slanderous" accusation") are
        // part of it, not a quote of their own.
        let kept = direct.filter { quote in !overlapping(quote.span, indirect).contains { $0.span.contains(quote.span) } }
        return (kept + indirect).sorted { $0.span < $1.span }
    }

    // MARK: Direct quotes

    /// The ``Document/quotations()`` of the body and standfirst, with speakers.
    func direct() -> [Quote] {
        var previousSpeaker: (speaker: Int, span: Span)?
        let quotes = document.quotations().map { make($0, previous: &previousSpeaker) }
        return quotes.filter { $0.speaker != nil && $0.span.length > 0 }
    }

    /// A direct quote of the words between quotation marks, trimmed of edge punctuation.
    func make(_ quoted: Span, previous: inout (speaker: Int, span: Span)?) -> Quote {
        let span = trimmed(quoted)
        // A quote that opens a paragraph after a colon lead ("According to the BBC:") is the lead's, whatever verbs follow.
        let lead = leadSpeaker(span)
        if let lead, opensParagraph(quoted) {
            previous = (lead, span)
            return Quote(span: span, direct: true, speaker: lead, cue: nil)
        }
        let (speaker, cue) = speakerOf(span)
        var quote = Quote(span: span, direct: true, speaker: speaker, cue: cue)
        if quote.speaker == nil { quote.speaker = lead ?? previousSpeakerIfContinuing(span, previous) }
        if let speaker = quote.speaker { previous = (speaker, span) }
        return quote
    }

    /// A span without surrounding spaces and the commas or periods that close a quote ("... clear," he said).
    func trimmed(_ span: Span) -> Span {
        var s = span.start
        var e = span.end
        let b = document.utf8
        while s < e && (b[s] == 0x20 || b[s] == 0x0A) { s += 1 }
        while e > s && (b[e - 1] == 0x20 || b[e - 1] == 0x0A || b[e - 1] == 0x2C) { e -= 1 }
        return Span(s, e)
    }

    // MARK: Speakers

    /// The speaker named beside a verb of saying in the sentences around a quote, and that verb.
    func speakerOf(_ quote: Span) -> (Int?, Span?) {
        let near = max(0, tokenIndex(atOrAfter: quote.start) - Self.reach)..<(tokenIndex(atOrAfter: quote.end) + Self.reach)
        var s = firstSentence(endingAfter: quote.start)
        while s < document.sentences.count, document.sentences[s].span.start < quote.end {
            let sentence = document.sentences[s]
            let outside = sentence.tokens.clamped(to: near).filter { !quote.contains(document.tokens[$0].span) }
            for t in outside where isSpeechVerb(t) {
                if let speaker = speaker(around: t, in: s, outside: quote) { return (speaker, document.tokens[t].span) }
            }
            if let (speaker, cue) = according(in: sentence, outside: quote, near: near) { return (speaker, cue) }
            s += 1
        }
        return (nil, nil)
    }

    /// The index of the first sentence that ends after a byte offset.
    func firstSentence(endingAfter offset: Int) -> Int { document.sentences.partitionPoint { $0.span.end > offset } }

    /// The indices of the mentions that start within `reach` tokens of a token.
    func mentions(near token: Int, reach: Int) -> Range<Int> {
        let starts = document.mentions.lazy.map(\.tokens.lowerBound)
        return starts.partitionPoint { $0 >= token - reach }..<starts.partitionPoint { $0 > token + reach }
    }

    /// A verb of saying in the active voice ("announced", not "was announced by").
    func isSpeechVerb(_ token: Int) -> Bool {
        // A participle after a comma ("..., saying the talks failed").
        if words.participles.contains(document.lowercasedForms[token]) { return token > 0 && document.forms[token - 1] == "," }
        guard verbs.contains(document.lowercasedForms[token]) else { return false }
        // "the United States" states nothing.
        if inMention[token] { return false }
        // "was reported", "was also reported": a passive reports nothing of its own.
        var before = token - 1
        if before > 0, words.beforeVerb.contains(document.lowercasedForms[before]) { before -= 1 }
        let previous = before >= 0 ? document.lowercasedForms[before] : ""
        let next = token + 1 < document.tokens.count ? document.lowercasedForms[token + 1] : ""
        return !["been", "be", "was", "were", "is", "are", "being"].contains(previous) && next != "by"
    }

    /// The entity named just before a verb of saying ("Trump said", "the minister, Lee, said"), else just after it ("said Trump").
    func speaker(around verb: Int, in sentence: Int, outside quote: Span) -> Int? {
        let verbSpan = document.tokens[verb].span
        let candidates = mentions(near: verb, reach: Self.reach).filter { m in
            let mention = document.mentions[m]
            return mention.sentence == sentence && !quote.contains(mention.span) && entityOfMention[m] != nil
                && mention.type != .weapon && mention.type != .event
        }
        let after = candidates.filter { document.mentions[$0].span.start >= verbSpan.end }
        let before = candidates.filter { document.mentions[$0].span.end <= verbSpan.start }
        let previous = verb > 0 ? document.forms[verb - 1] : ""
        // "Trump defended Kim, saying ...": a participle speaks for its clause's subject, the first person named before it,
        // else the first actor not in an adjunct ("In Seoul, the ministry ...").
        if words.participles.contains(document.lowercasedForms[verb]) {
            let subjects = before.filter { m in
                let start = document.mentions[m].tokens.lowerBound
                return start == 0 || !words.prepositions.contains(document.lowercasedForms[start - 1])
            }
            let person = subjects.first { document.mentions[$0].type == .person && document.mentions[$0].kind == .name }
            return (person ?? subjects.first).flatMap { entityOfMention[$0] }
        }
        /// "“...,” said X", "..., reports X": the subject follows the verb (but for the one addressed: "..., she told Moon").
        func inverted() -> Int? {
            guard let first = after.first, tokenGap(verbSpan, document.mentions[first].span) <= 3,
                previous != "," || !words.addressing.contains(document.lowercasedForms[verb])
            else { return nil }
            return entityOfMention[first]
        }
        if previous == "\"" || previous == "”", let speaker = inverted() { return speaker }
        // "X, APPOSITION OR CLAUSE, (has) said": the subject is the name before the phrase set off by commas ("The website
        // 38 North, operated by the Institute, said"; "Mr Trump, who plans to meet Kim, has said").
        if let opening = commaPhraseOpening(before: verb, in: sentence) {
            // "the foreign minister, Ri Yong Ho, said": a name that is the whole phrase names the subject.
            if let named = before.first(where: { document.mentions[$0].tokens.lowerBound == opening + 1 }),
                document.mentions[named].type == .person, document.mentions[named].kind == .name,
                document.forms[document.mentions[named].tokens.upperBound] == ","
            {
                return entityOfMention[named]
            }
            // Not the object of a preposition ("In Kyiv, rebels drove them out, reports X").
            if let subject = before.last(where: { document.mentions[$0].tokens.upperBound == opening }),
                document.mentions[subject].tokens.lowerBound == 0
                    || !words.prepositions.contains(document.lowercasedForms[document.mentions[subject].tokens.lowerBound - 1])
            {
                return entityOfMention[subject]
            }
            // "Two senators, Mike Lee and Jerry Moran, said": the phrase names the subject.
            if !before.contains(where: { document.mentions[$0].tokens.upperBound == opening }),
                let named = before.last(where: { document.mentions[$0].tokens.lowerBound > opening }),
                document.mentions[named].type == .person, document.mentions[named].kind == .name
            {
                return entityOfMention[named]
            }
        }
        if previous == ",", let speaker = inverted() { return speaker }
        // Before the verb: the nearest mention within a few words. A speaker stands in its verb's clause: no comma between
        // them ("..., the newspaper reports" names none), but for a relative pronoun ("Christie, who noted that").
        // A possessive pronoun owns the subject ("his sister told"): it is not the speaker.
        if let nearest = before.last, tokenGap(document.mentions[nearest].span, verbSpan) <= 12,
            !words.possessivePronouns.contains(document.string(document.mentions[nearest].span).lowercased()),
            !(document.mentions[nearest].tokens.upperBound..<verb).contains(where: { document.forms[$0] == "," })
                || (verb >= 2 && document.forms[verb - 2] == "," && words.relativePronouns.contains(previous.lowercased())
                    && document.mentions[nearest].tokens.upperBound == verb - 2)
        {
            return entityOfMention[nearest]
        }
        // "said the minister", not "asked whether Tillerson ...": no clause opens between the verb and the speaker after it;
        // who follows "told" is the one addressed.
        if let first = after.first, tokenGap(verbSpan, document.mentions[first].span) <= 3,
            !words.addressing.contains(document.lowercasedForms[verb]),
            !(verb + 1..<document.mentions[first].tokens.lowerBound).contains(where: {
                words.clauseOpeners.contains(document.lowercasedForms[$0])
            })
        {
            return entityOfMention[first]
        }
        return nil
    }

    /// The comma that opens a phrase set off by commas just before a verb ("X, a spokesman for Y, said": the comma after X),
    /// auxiliaries and adverbs between the closing comma and the verb aside; nil when no comma closes a phrase there.
    func commaPhraseOpening(before verb: Int, in sentence: Int) -> Int? {
        let first = document.sentences[sentence].tokens.lowerBound
        var t = verb - 1
        while t > first, words.beforeVerb.contains(document.lowercasedForms[t]) { t -= 1 }
        guard t > first, document.forms[t] == "," else { return nil }
        // The opening comma: the one before, within a phrase's length, with no sentence or quote mark between.
        var k = t - 1
        while k > first, t - k <= Self.phraseLength {
            let form = document.forms[k]
            if form == "," { return k }
            if form == "\"" || form == "“" || form == "”" || form == ";" || form == ":" { return nil }
            k -= 1
        }
        return nil
    }

    /// The most words a phrase set off by commas holds.
    static let phraseLength = 24

    /// "according to X": the entity X, and the cue.
    func according(in sentence: Sentence, outside quote: Span, near: Range<Int>) -> (Int, Span)? {
        for t in sentence.tokens.clamped(to: near) where document.lowercasedForms[t] == words.according {
            let cue = document.tokens[t].span
            let after = mentions(near: t, reach: 8).first { m in
                document.mentions[m].span.start > cue.end && !quote.contains(document.mentions[m].span)
                    && tokenGap(cue, document.mentions[m].span) <= 4 && entityOfMention[m] != nil
            }
            if let after, let entity = entityOfMention[after] { return (entity, cue) }
        }
        return nil
    }

    /// Tokens between two spans.
    func tokenGap(_ a: Span, _ b: Span) -> Int {
        let (first, second) = a.end <= b.start ? (a, b) : (b, a)
        return max(0, tokenIndex(atOrAfter: second.start) - tokenIndex(atOrAfter: first.end))
    }

    /// The index of the first token starting at or after a byte offset.
    func tokenIndex(atOrAfter offset: Int) -> Int { document.tokens.partitionPoint { $0.span.start >= offset } }

    /// The speaker of a colon lead: the sentence before the quote ends with ":" after a verb of saying ("Trump said:") or
    /// "according to X".
    func leadSpeaker(_ quote: Span) -> Int? {
        let s = firstSentence(endingAfter: quote.start) - 1
        guard s >= 0 else { return nil }
        let sentence = document.sentences[s]
        // Its last characters (a few bytes are enough).
        let tail = Span(max(sentence.span.start, sentence.span.end - 8), sentence.span.end)
        let end = document.string(tail).unicodeScalars.reversed().drop { $0.properties.isWhitespace && $0 != "\n" }.prefix(2)
        guard end.first == ":" || Array(end) == ["\"", ":"] else { return nil }
        for t in sentence.tokens.suffix(Self.reach) where isSpeechVerb(t) {
            if let speaker = speaker(around: t, in: s, outside: Span(0, 0)) { return speaker }
        }
        return according(in: sentence, outside: Span(0, 0), near: sentence.tokens)?.0
    }

    /// The index of the block that holds a span (blocks are in order).
    func block(containing span: Span) -> Int? {
        let i = document.blocks.partitionPoint { $0.span.end > span.start }
        return i < document.blocks.count && document.blocks[i].span.contains(span) ? i : nil
    }

    /// Whether the words between quotation marks open their paragraph (only the opening mark before them).
    func opensParagraph(_ quoted: Span) -> Bool {
        // Only a mark and spaces may stand before: a few bytes, never the text of a long paragraph.
        guard let block = block(containing: quoted), quoted.start - document.blocks[block].span.start <= 16 else { return false }
        return document.string(Span(document.blocks[block].span.start, quoted.start)).unicodeScalars.filter { !$0.properties.isWhitespace }
            .count <= 1
    }

    /// A quote with no speaker of its own goes on from the quote before: in the same paragraph, or opening the
    /// paragraph after it.
    func previousSpeakerIfContinuing(_ quote: Span, _ previous: (speaker: Int, span: Span)?) -> Int? {
        guard let previous, let block = block(containing: quote) else { return nil }
        if document.blocks[block].span.contains(previous.span) { return previous.speaker }
        let paragraphStart = document.blocks[block].span.start
        let before = document.blocks[..<block].last { $0.role == .body || $0.role == .standfirst }
        return quote.start - paragraphStart <= 4 && before?.span.contains(previous.span) == true ? previous.speaker : nil
    }

    // MARK: Indirect speech

    /// "X said (that) CLAUSE", "CLAUSE, X said", "according to X, CLAUSE": the clause, unless direct quotes cover it.
    func indirect(excluding direct: [Quote]) -> [Quote] {
        var out: [Quote] = []
        for (s, sentence) in document.sentences.enumerated() where document.blocks[sentence.block].role == .body {
            let tokens = Array(sentence.tokens)
            guard tokens.count >= 4 else { continue }
            // The first frame "..., X said." reports the whole sentence before it ("told him of her plans, KCNA said"), unless a
            // verb of saying within it reports a clause of its own ("acknowledged that ..., CNN reports").
            let speechVerbs = tokens.indices.filter { isSpeechVerb(tokens[$0]) }
            let framed = speechVerbs.lazy.compactMap { k in self.framedClause(k, tokens, s).map { (k, $0) } }.first.flatMap { frame in
                speechVerbs.contains { $0 < frame.0 && complementIndex($0, tokens) != nil } ? nil : frame
            }
            /// The speaker and verb of the sentence's report so far.
            var reported: (speaker: Int, verb: Int)?
            for k in framed.map({ [$0.0] }) ?? speechVerbs {
                let t = tokens[k]
                guard let speaker = speaker(around: t, in: s, outside: Span(0, 0)) else { continue }
                let verbSpan = document.tokens[t].span
                // "“...,” Trump said at a press conference": the verb reports the quote that opens the sentence just before it;
                // what follows is no speech.
                if overlapping(Span(sentence.span.start, verbSpan.start), direct).contains(where: {
                    $0.span.end <= verbSpan.start && tokenGap($0.span, verbSpan) <= Self.quoteToVerb
                        && tokenIndex(atOrAfter: $0.span.start) <= sentence.tokens.lowerBound + 1
                }) {
                    reported = (speaker, k)
                    break
                }
                guard let clause = framed?.1 ?? followingClause(k, tokens, until: nextReport(after: k, tokens, speechVerbs)),
                    clause.length > 0, clause.end <= verbSpan.start || clause.start >= verbSpan.end
                else { continue }
                if quotesMostOf(clause, direct) { break }
                out.append(Quote(span: trimmed(clause), direct: false, speaker: speaker, cue: verbSpan))
                reported = (speaker, k)
                break
            }
            // "..., Trump said, adding that ...", "has said ... and has said ...": each later report of the same speaker.
            var previous = reported
            while let (speaker, k) = previous, let next = nextReport(after: k, tokens, speechVerbs) {
                let until = nextReport(after: next, tokens, speechVerbs)
                if let clause = followingClause(next, tokens, until: until), clause.length > 0, !quotesMostOf(clause, direct) {
                    out.append(Quote(span: trimmed(clause), direct: false, speaker: speaker, cue: document.tokens[tokens[next]].span))
                }
                previous = (speaker, next)
            }
            if out.last.map({ !sentence.span.contains($0.span) }) ?? true,
                let (speaker, cue) = according(in: sentence, outside: Span(0, 0), near: sentence.tokens)
            {
                let last = document.forms[tokens.last!] == "." ? tokens[tokens.count - 2] : tokens.last!
                var clause: Span?
                if let comma = tokens.first(where: { document.tokens[$0].span.start > cue.end && document.forms[$0] == "," }) {
                    // "According to X, CLAUSE."
                    if let next = tokens.first(where: { $0 > comma }), next <= last {
                        clause = Span(document.tokens[next].span.start, document.tokens[last].span.end)
                    }
                } else if let comma = tokens.last(where: { document.tokens[$0].span.end <= cue.start && document.forms[$0] == "," }),
                    comma > tokens[0]
                {
                    // "CLAUSE, according to X."
                    clause = trimmed(Span(sentence.span.start, document.tokens[comma].span.start))
                }
                if let clause, !quotesMostOf(clause, direct) {
                    out.append(Quote(span: clause, direct: false, speaker: speaker, cue: cue))
                }
            }
        }
        return out
    }

    /// "..., X said (on Wednesday)", "..., said X": the clause from the sentence's start to the comma before the speaker (or
    /// the verb). Only a short tail may follow the verb up to the next comma: the speaker, the one addressed ("she told
    /// the BBC"), or an adjunct ("on Wednesday", "in a statement"; "said on Sunday, but ..."); "X said the talks, ..."
    /// goes on with what was said.
    func framedClause(_ k: Int, _ tokens: [Int], _ sentenceIndex: Int) -> Span? {
        let sentence = document.sentences[sentenceIndex]
        // Both searches look only as far as a frame reaches: a sentence that never ends must not make each verb read it all.
        let tailEnd =
            tokens[(k + 1)...].prefix(Self.frameReach).firstIndex { document.forms[$0] == "," || document.forms[$0] == "." }
            ?? min(tokens.count, k + 1 + Self.frameReach)
        guard let comma = tokens[max(0, k - Self.frameReach)..<k].lastIndex(where: { document.forms[$0] == "," }), comma > 0,
            tailEnd - k <= 7,
            tailEnd == k + 1 || words.adjuncts.contains(document.lowercasedForms[tokens[k + 1]])
                // "..., said X": the speaker after the verb, not "X, a senator, said the bill ..."
                || (comma == k - 1 && inMention[tokens[k + 1]] && commaPhraseOpening(before: tokens[k], in: sentenceIndex) == nil)
                || (words.addressing.contains(document.lowercasedForms[tokens[k]]) && inMention[tokens[k + 1]]),
            complementIndex(k, tokens) == nil, tokens[(k + 1)..<tailEnd].allSatisfy({ !isClauseWord($0) })
        else { return nil }
        return Span(sentence.span.start, document.tokens[tokens[comma]].span.start)
    }

    /// The most words between a frame's comma and its verb ("..., the Russian foreign minister said"), and between the
    /// verb and the end of its tail ("said on Sunday, ...").
    static let frameReach = 8

    /// The position in `tokens` of the "that" opening the clause of the verb of saying at `k`: within a few words and
    /// before any comma, after the one addressed or an adjunct ("acknowledged today that"; in "said the talks that had
    /// stalled would resume" it opens a relative clause), or after an aside set off by commas ("said, after meeting
    /// his counterparts, that").
    func complementIndex(_ k: Int, _ tokens: [Int]) -> Int? {
        func isComplement(_ i: Int) -> Bool { words.complements.contains(document.lowercasedForms[tokens[i]]) }
        // "told reporters during the return flight to Washington that": the one addressed comes first.
        let addressing = words.addressing.contains(document.lowercasedForms[tokens[k]])
        let reach = addressing ? Self.phraseLength : Self.verbToComplement
        let before = tokens.indices[(k + 1)...].prefix(reach).prefix { document.forms[tokens[$0]] != "," }
        if let that = before.first(where: isComplement) {
            return that == k + 1 || addressing || words.adjuncts.contains(document.lowercasedForms[tokens[k + 1]]) ? that : nil
        }
        guard k + 1 < tokens.count, document.forms[tokens[k + 1]] == "," else { return nil }
        let aside = tokens.indices[(k + 2)...].prefix(Self.phraseLength)
        guard let closing = aside.first(where: { document.forms[tokens[$0]] == "," }), closing + 1 < tokens.count else { return nil }
        return isComplement(closing + 1) ? closing + 1 : nil
    }

    /// The most words between a verb of saying and the "that" opening its clause ("said on Wednesday in Geneva that").
    static let verbToComplement = 6

    /// Whether a direct quote holds a clause or most of it: the clause is the direct quote's and adds no quote of its
    /// own. A clause that quotes only a few of its words ("a “deconfliction” hotline") keeps them.
    func quotesMostOf(_ clause: Span, _ direct: [Quote]) -> Bool {
        overlapping(clause, direct).contains {
            $0.span.contains(clause) || ($0.span.length * 2 > clause.length && clause.range.overlaps($0.span.range))
        }
    }

    /// The position in `tokens` of the next verb of saying after the one at `k` that reports again for the same speaker,
    /// with no subject of its own: after a comma or "and" ("..., adding that", "and has said"), auxiliaries aside.
    func nextReport(after k: Int, _ tokens: [Int], _ speechVerbs: [Int]) -> Int? {
        speechVerbs[speechVerbs.partitionPoint { $0 > k + 1 }...].first { j in
            guard j > k + 1 else { return false }
            var i = j - 1
            while i > k, words.beforeVerb.contains(document.lowercasedForms[tokens[i]]) { i -= 1 }
            return i > k && (document.forms[tokens[i]] == "," || document.lowercasedForms[tokens[i]] == "and")
        }
    }

    /// "X said (on Wednesday) (that) ...": the clause from after "that", or after the verb, to the sentence's end, or to
    /// the next report of the same speaker (`until`, ``nextReport(after:_:_:)``).
    func followingClause(_ k: Int, _ tokens: [Int], until: Int? = nil) -> Span? {
        // "said the talks failed" reports a clause; "announced its decision", "concluded its visit" name a thing: without
        // "that", a verb that often drops it reports a clause, another one only where an auxiliary shows a clause
        // ("confirmed the deal was signed").
        let bare =
            words.bareClauseVerbs.contains(document.lowercasedForms[tokens[k]])
            || tokens[(k + 1)...].prefix(Self.clauseReach).contains { words.auxiliaries.contains(document.lowercasedForms[$0]) }
        guard let start = complementIndex(k, tokens).map({ $0 + 1 }) ?? (bare ? k + 1 : nil) else { return nil }
        var endToken = until.map { $0 - 1 } ?? (document.forms[tokens.last!] == "." ? tokens.count - 2 : tokens.count - 1)
        // "... on poverty, adding", "... sanctions and has said": the words that join the next report are not said.
        while endToken >= start,
            [",", "and"].contains(document.lowercasedForms[tokens[endToken]])
                || words.beforeVerb.contains(document.lowercasedForms[tokens[endToken]])
        {
            endToken -= 1
        }
        guard start < tokens.count - 1, endToken >= start else { return nil }
        return Span(document.tokens[tokens[start]].span.start, document.tokens[tokens[endToken]].span.end)
    }

    /// How far after a verb of saying an auxiliary shows that a clause follows ("confirmed the two sides had met").
    static let clauseReach = 6

    /// The quotes of a list sorted by position that overlap a span.
    func overlapping(_ span: Span, _ quotes: [Quote]) -> ArraySlice<Quote> {
        let low = quotes.partitionPoint { $0.span.end > span.start }
        var end = low
        while end < quotes.count, quotes[end].span.start < span.end { end += 1 }
        return quotes[low..<end]
    }

    /// The most tokens between the end of a direct quote and the verb that reports it ("“...,” the Russian minister said").
    static let quoteToVerb = 12

    /// A word that shows the clause goes on after the verb ("said that", "said it would").
    func isClauseWord(_ token: Int) -> Bool {
        let form = document.lowercasedForms[token]
        return words.complements.contains(form) || form == "it" || form == "they" || form == "he" || form == "she"
    }
}

extension Document {
    /// The words between double quotation marks (straight or curly) in the body and standfirst, marks excluded. Marks pair
    /// up within a paragraph; a mark left open runs to the paragraph's end, as a quote that goes on in the next paragraph
    /// does.
    public func quotations() -> [Span] {
        let bytes = folded.bytes
        var spans: [Span] = []
        for block in blocks where block.role == .body || block.role == .standfirst {
            let range = folded.folded(block.span)
            var open: Int?
            for i in range.start..<range.end where bytes[i] == 0x22 {
                if let start = open {
                    spans.append(folded.original(Span(start, i)))
                    open = nil
                } else {
                    open = i + 1
                }
            }
            if let start = open, start < range.end { spans.append(folded.original(Span(start, range.end))) }
        }
        return spans
    }
}
