/// Accusations stated by their content: a speaker who lays an act at an actor's door.
extension SentenceCoder {
    /// "The U.S. says Assad's government carried out the attack", "Tillerson reiterated the position that Assad's regime
    /// was responsible for the attack", "Japan said North Korea had violated the resolutions": the speaker accuses (112)
    /// the actor just before the blaming words (`blame` in `event-words.txt`: a predicate of two words, or a verb of
    /// wrongdoing alone), with only auxiliaries, adverbs or a possessed head noun between ("Assad's government"), none of
    /// them a negation ("had not violated" accuses no one). The speaker is the sentence's first actor outside a
    /// prepositional phrase, with a verb and no clause boundary but "that" between it and the accused; an act with no
    /// speaker ("Russia carried out a strike") is no accusation.
    func blame(_ sentence: Int, _ tokens: [Int], _ actors: [(mention: Int, entity: Int)]) -> Event? {
        guard
            let (k, end) = tokens.indices.lazy.compactMap({ end in self.blameStart(tokens, end).map { ($0, end) } }).first(where: {
                k, _ in
                // "carried out", "violated" in the active voice: "was carried out", "was violated" names no one.
                !(k > 0 && words.be.contains(form(tokens[k - 1])))
            })
        else { return nil }
        // The accused: the actor that ends just before, a possessed head noun aside ("Assad's government").
        guard
            let accused = actors.last(where: { actor in
                guard last(actor.mention) < tokens[k] else { return false }
                let gap = (last(actor.mention) + 1)..<tokens[k]
                return gap.count <= 3
                    && gap.allSatisfy {
                        let tag = tags[$0 - tokens[0]]
                        return !words.negations.contains(form($0))
                            && (form($0) == "'s" || tag.isNoun || tag.isAdverb || words.auxiliaries.contains(form($0)))
                    }
            }),
            isComplement(accused.mention, tokens), !isClaimContent(accused.mention, tokens),
            let speaker = actors.first(where: { actor in
                guard last(actor.mention) < first(accused.mention), !inPrepositionalPhrase(actor.mention, tokens) else { return false }
                let between = (last(actor.mention) + 1)..<first(accused.mention)
                return between.contains { tags[$0 - tokens[0]].isVerb }
                    && !between.contains { words.boundaries.contains(form($0)) && form($0) != "that" }
            }), speaker.entity != accused.entity
        else { return nil }
        // "Assad's government": the state the person governs, when the article names it.
        var target = accused.entity
        if ((last(accused.mention) + 1)..<tokens[k]).contains(where: { words.governments.contains(form($0)) }),
            let country = document.entities[target].country,
            let state = document.entities.indices.first(where: { document.entities[$0].kbID == "country:" + country })
        {
            target = state
        }
        let trigger = document.tokens[tokens[k]].span
        return Event(
            code: "112", cameo: coder.cameo["112"], source: speaker.entity, target: target, location: location(tokens, actors),
            date: document.date(of: trigger, future: false), status: status(tokens, k), attributedTo: attribution(sentence, trigger),
            evidence: document.sentences[sentence].span, trigger: trigger,
            pattern: "112\tblame: " + (k == end ? form(tokens[k]) : "\(form(tokens[k])) \(form(tokens[end]))"))
    }

    /// Where a blaming phrase that ends with the word at `k` starts: at `k` for a verb of wrongdoing ("violated"), at the
    /// word before for a predicate ("carried out"), quotation marks between them aside ("was “misleading”"); `nil`
    /// where none ends there.
    func blameStart(_ tokens: [Int], _ k: Int) -> Int? {
        guard cues[tokens[k]]?.closesBlame == true else { return nil }
        if words.blame.contains(form(tokens[k])) { return k }
        var before = k - 1
        while before >= 0, Self.quotationMarks.contains(form(tokens[before])) { before -= 1 }
        return before >= 0 && words.blame.contains(form(tokens[before]) + " " + form(tokens[k])) ? before : nil
    }

    /// Whether a blaming phrase ends with the word at `k`.
    func closesBlame(_ tokens: [Int], _ k: Int) -> Bool { blameStart(tokens, k) != nil }

    static let quotationMarks: Set<String> = ["\"", "“", "”", "‘", "’", "'", "``", "''"]

    /// Whether a mention opens the content of a claim noun ("the argument that Obama lied", "Pelosi's charge that he
    /// lied"): a claim reported, which the speaker may reject, is no accusation of theirs.
    func isClaimContent(_ mention: Int, _ tokens: [Int]) -> Bool {
        var i = first(mention) - 1 - tokens[0]
        if i >= 0, tags[i].isDeterminer { i -= 1 }
        return i > 0 && form(tokens[i]) == "that" && tags[i - 1].isNoun && words.claimNouns.contains(form(tokens[i - 1]))
    }

    /// Whether a mention opens a clause that a verb or "that" governs ("says Russia was", "the position that Assad's").
    func isComplement(_ mention: Int, _ tokens: [Int]) -> Bool {
        var i = first(mention) - 1 - tokens[0]
        if i >= 0, tags[i].isDeterminer { i -= 1 }
        return i >= 0 && (tags[i].isVerb || form(tokens[i]) == "that")
    }
}
