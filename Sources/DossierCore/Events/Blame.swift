/// Accusations stated by their content: a speaker who lays an act at an actor's door.
extension SentenceCoder {
    /// "The U.S. says Assad's government carried out the attack", "Tillerson reiterated the position that Assad's regime
    /// was responsible for the attack": the speaker accuses (112) the actor just before the blaming words
    /// (`blame` in `event-words.txt`). The speaker is the sentence's first actor outside a prepositional phrase, with a
    /// verb and no clause boundary but "that" between it and the accused; an act with no speaker ("Russia carried out a
    /// strike") is no accusation.
    func blame(_ sentence: Int, _ tokens: [Int], _ actors: [(mention: Int, entity: Int)]) -> Event? {
        guard
            let k = tokens.indices.dropLast().first(where: { k in
                closesBlame(tokens, k + 1)
                    // "carried out" in the active voice: "was carried out" names no one.
                    && !(k > 0 && words.be.contains(form(tokens[k - 1])))
            })
        else { return nil }
        // The accused: the actor that ends just before, a possessed head noun aside ("Assad's government").
        guard
            let accused = actors.last(where: { actor in
                guard last(actor.mention) < tokens[k] else { return false }
                let gap = (last(actor.mention) + 1)..<tokens[k]
                return gap.count <= 2 && gap.allSatisfy { form($0) == "'s" || tags[$0 - tokens[0]].isNoun }
            }),
            isComplement(accused.mention, tokens),
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
            pattern: "112\tblame: \(form(tokens[k])) \(form(tokens[k + 1]))")
    }

    /// Whether the word at `k` ends a blaming phrase with the word before it ("carried out", "was behind").
    func closesBlame(_ tokens: [Int], _ k: Int) -> Bool {
        k > 0 && cues[tokens[k]]?.closesBlame == true && words.blame.contains(form(tokens[k - 1]) + " " + form(tokens[k]))
    }

    /// Whether a mention opens a clause that a verb or "that" governs ("says Russia was", "the position that Assad's").
    func isComplement(_ mention: Int, _ tokens: [Int]) -> Bool {
        var i = first(mention) - 1 - tokens[0]
        if i >= 0, tags[i].isDeterminer { i -= 1 }
        return i >= 0 && (tags[i].isVerb || form(tokens[i]) == "that")
    }
}
