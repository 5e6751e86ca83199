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
    /// it ("offered aid", "scrapped the talks", "suspended military aid", "a suspension of aid").
    func governor(of pattern: EventPatterns.Pattern, _ tokens: [Int], _ k: Int) -> Governor? {
        if pattern.isNoun {
            // "a planned visit": a participle after an article describes the noun.
            for i in stride(from: k - 1, through: max(0, k - 4), by: -1)
            where i == 0 || !words.nounMarkers.contains(form(tokens[i - 1])) || words.reducing.contains(form(tokens[i])) {
                let word = form(tokens[i])
                if words.reducing.contains(word) { return Governor(word: i, mood: .reduced) }
                guard tags[i].isVerb else { continue }
                if words.intent.contains(word) { return Governor(word: i, mood: .intended) }
                if words.cancelling.contains(word) { return Governor(word: i, mood: .refused) }
            }
            return nil
        }
        guard k >= 2, form(tokens[k - 1]) == "to" else { return nil }
        let word = form(tokens[k - 2])
        if words.refusal.contains(word) { return Governor(word: k - 2, mood: .refused) }
        if words.intent.contains(word) { return Governor(word: k - 2, mood: .intended) }
        return nil
    }
}
