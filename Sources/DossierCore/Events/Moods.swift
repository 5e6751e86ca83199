/// A word that puts an act in a mood rather than stating it done: "wanted" of "wanted to meet", "refused" of "refused
/// to lift", "cancelled" of "cancelled a planned visit", "suspended" of "suspended aid".
struct Governor {
    /// The word's index in the sentence; nil where the act is refused by negation alone ("will not lift sanctions").
    let word: Int?
    let mood: Mood
}

extension SentenceCoder {
    /// The word that governs the trigger at `k`, if any: a verb of intending or refusing just before "to" and a verb
    /// ("pledged to send", "declined to meet"); for a noun, a verb of intending, cancelling or cutting a few words before
    /// it ("offered aid", "scrapped the talks", "suspended military aid", "a suspension of aid", "lifted the embargo"),
    /// or a passive verb of cutting whose subject it is ("US aid to Egypt was suspended", "the embargo will be lifted").
    func governor(of pattern: EventPatterns.Pattern, _ tokens: [Int], _ k: Int) -> Governor? {
        if pattern.isNoun {
            // "a planned visit": a participle after an article describes the noun.
            for i in stride(from: k - 1, through: max(0, k - 4), by: -1)
            where i == 0 || !words.nounMarkers.contains(form(tokens[i - 1])) || cuts(form(tokens[i])) {
                let word = form(tokens[i])
                if cuts(word) { return Governor(word: i, mood: .reduced) }
                guard tags[i].isVerb else { continue }
                if words.intent.contains(word) { return Governor(word: i, mood: .intended) }
                if words.cancelling.contains(word) { return Governor(word: i, mood: .refused) }
            }
            return passiveCut(ofNounAt: k, tokens).map { Governor(word: $0, mood: .reduced) }
        }
        guard k >= 2, form(tokens[k - 1]) == "to" else { return nil }
        let word = form(tokens[k - 2])
        if words.refusal.contains(word) { return Governor(word: k - 2, mood: .refused) }
        if words.intent.contains(word) { return Governor(word: k - 2, mood: .intended) }
        return nil
    }

    /// Whether a word cuts an act: reduces a cooperative one, eases a sanction (a code without a reduction stays as it is).
    func cuts(_ word: String) -> Bool { words.reducing.contains(word) || words.easing.contains(word) }

    /// The passive verb of cutting (``cuts(_:)``) whose subject is the noun at `k`: the clause's first verb
    /// after the noun's phrase, in the same clause ("the EU embargo on China is likely to be lifted").
    func passiveCut(ofNounAt k: Int, _ tokens: [Int]) -> Int? {
        var j = k + 1
        while j < tokens.count, j <= k + 12 {
            let word = form(tokens[j])
            if [",", ";", ":"].contains(word) || words.clauseEnds.contains(word) { return nil }
            if tags[j].isVerb, !words.auxiliaries.contains(word) {
                return tags[j].isPastParticiple && cuts(word) && isPassive(tokens, j) ? j : nil
            }
            j += 1
        }
        return nil
    }
}
