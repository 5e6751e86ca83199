/// Reported speech: "X said (that) ...", "..., X said", "according to X, ...".
extension QuoteSearch {
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
