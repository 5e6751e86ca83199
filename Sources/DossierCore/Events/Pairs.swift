/// Pairs of actors: references to two named before ("both sides agreed", "a meeting of the foreign ministers of both
/// countries"), and acts two do to each other ("clashed", "accused each other").
extension SentenceCoder {
    /// The two actors that "both sides" or "the two nations" just before the verb at `k` refer to: the two countries (or
    /// people, for "the two leaders") named most often before it in the article.
    func pairReference(_ before: [(mention: Int, entity: Int)], _ tokens: [Int], _ k: Int) -> [Int?]? {
        guard k > 0, let noun = (1..<k).last(where: { isPair(tokens, $0) }),
            before.allSatisfy({ last($0.mention) < tokens[noun] }),
            ((noun + 1)..<k).allSatisfy({ tags[$0].isVerb || tags[$0].isModal || tags[$0].isAdverb })
        else { return nil }
        return namedPair(referredToAt: noun, tokens)?.map { Optional($0) }
    }

    /// The two actors that a pair after the noun trigger at `k` refers to, in the noun's "of", "between" or "among"
    /// phrase: "a meeting of foreign ministers of both countries", "talks between the two leaders"; with only
    /// prepositions, articles, adjectives and common nouns between.
    func pairReference(afterNounAt k: Int, _ tokens: [Int]) -> [Int]? {
        guard k + 1 < tokens.count, ["of", "between", "among"].contains(form(tokens[k + 1])) else { return nil }
        var i = k + 2
        while i < min(tokens.count, k + 8) {
            if i > k + 2, isPair(tokens, i) { return namedPair(referredToAt: i, tokens) }
            let tag = tags[i]
            guard tag.isDeterminer || tag.isAdjective || tag.isCommonNoun || tag.kind == .number || ["of", "two"].contains(form(tokens[i]))
            else { return nil }
            i += 1
        }
        return nil
    }

    /// The two countries (or people, for "the two leaders") named most often before the pair that ends at `noun`: the
    /// article's pair ("India and Pakistan"), not a city or a third party; countries and people the knowledge base knows.
    func namedPair(referredToAt noun: Int, _ tokens: [Int]) -> [Int]? {
        let type: EntityType = words.pairPeople.contains(form(tokens[noun])) ? .person : .gpe
        var counts: [Int: Int] = [:]
        for m in document.mentions.indices where document.mentions[m].tokens.upperBound <= tokens[noun - 1] {
            guard let entity = entityOfMention[m], document.entities[entity].type == type,
                document.entities[entity].kbID?.hasPrefix(type == .person ? "person:" : "country:") == true
            else { continue }
            counts[entity, default: 0] += 1
        }
        let pair = counts.sorted { ($0.value, $0.key) > ($1.value, $1.key) }.prefix(2).map(\.key).sorted()
        return pair.count == 2 ? pair : nil
    }

    /// Whether the word at `i` closes a reference to two actors ("both sides", "the two leaders").
    func isPair(_ tokens: [Int], _ i: Int) -> Bool {
        words.pairOpeners.contains(form(tokens[i - 1]))
            && (words.pairCountries.contains(form(tokens[i])) || words.pairPeople.contains(form(tokens[i])))
    }

    /// Whether the act at `k` is done by its actors to each other: a reciprocal verb (``EventWords/reciprocal``:
    /// "clashed", "exchanged fire") or "each other", "one another" in the words after it ("accused each other").
    func isReciprocal(_ tokens: [Int], _ k: Int, _ after: Int) -> Bool {
        if words.reciprocal.contains(form(tokens[k])) { return true }
        let end = min(tokens.count - 1, after + 3)
        guard k + 1 < end else { return false }
        return (k + 1..<end).contains { i in
            (form(tokens[i]) == "each" && form(tokens[i + 1]) == "other") || (form(tokens[i]) == "one" && form(tokens[i + 1]) == "another")
        }
    }
}
