/// Responses aimed at whoever made what they answer: "Pakistan refused a request from India" is Pakistan's rejection of
/// India, "the summit condemned the threats made by the government" criticism of the government.
extension SentenceCoder {
    /// The author of the object a response names, read from `after` (the first word after the trigger and its
    /// pattern's words): a proposal (``EventWords/proposals``) followed by "from", "by" or "of" and an actor ("refused
    /// a request from Indian Prime Minister Narendra Modi", "agreed to a proposal by Japan"), or any act followed by a
    /// participle and "by" ("condemned the threats made by the government", "the attack carried out by"). The object's
    /// words are determiners, adjectives and common nouns, joined by "of" or "and" ("the act of aggression and the
    /// continuing threats"); `nil` where the words after the trigger name no author.
    func objectAuthor(_ tokens: [Int], from after: Int, _ k: Int, _ actors: [(mention: Int, entity: Int)]) -> Int? {
        // A pattern may end on the object's noun itself ("agreed to a proposal").
        var head: Int? = after - 1 > k && tags[after - 1].isCommonNoun ? after - 1 : nil
        var i = after
        while i < tokens.count {
            let tag = tags[i]
            let next = i + 1 < tokens.count ? tags[i + 1] : nil
            if tag.isCommonNoun {
                head = i
            } else if tag.isDeterminer || tag.isAdjective || tag.isPossessivePronoun || (tag.isGerund && next?.isCommonNoun == true) {
                // "the", "continuing", "its"
            } else if head != nil, ["of", "and"].contains(form(tokens[i])),
                let next, next.isDeterminer || next.isAdjective || next.isCommonNoun
            {
                // "the act of aggression and the threats"
            } else {
                break
            }
            i += 1
        }
        guard let head, i < tokens.count else { return nil }
        var by = i
        if tags[i].isPastParticiple || tags[i].isPastTense {
            // "made by", "carried out by"
            by = i + 1
            if by < tokens.count, tags[by].kind == .particle { by += 1 }
            guard by < tokens.count, form(tokens[by]) == "by" else { return nil }
        } else {
            guard words.proposals.contains(form(tokens[head])), ["from", "by", "of"].contains(form(tokens[i])) else { return nil }
        }
        // The actor named right after, its article and title aside ("from the Indian Prime Minister Narendra Modi").
        let preposition = tokens[by]
        return actors.first { actor in
            let start = first(actor.mention)
            guard start > preposition, start - preposition <= 4 else { return false }
            return ((preposition + 1)..<start).allSatisfy { t in
                let tag = tags[t - tokens[0]]
                return tag.isDeterminer || tag.isAdjective || tag.isNoun
            }
        }?.entity
    }
}
