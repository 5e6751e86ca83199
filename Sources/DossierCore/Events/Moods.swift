/// A word that makes an act intended or refused rather than done: "wanted" of "wanted to meet", "refused" of "refused
/// to lift", "cancelled" of "cancelled a planned visit".
struct Governor {
    /// The word's index in the sentence; nil where the act is refused by negation alone ("will not lift sanctions").
    let word: Int?
    /// Intended ("is willing to withdraw"), else refused.
    let intended: Bool
}

extension SentenceCoder {
    /// The word that governs the trigger at `k`, if any: a verb of intending or refusing just before "to" and a verb
    /// ("pledged to send", "declined to meet"); for a noun, a verb of intending or cancelling a few words before it
    /// ("offered aid", "scrapped the talks").
    func governor(of pattern: EventPatterns.Pattern, _ tokens: [Int], _ k: Int) -> Governor? {
        if pattern.isNoun {
            // "a planned visit": a participle after an article describes the noun.
            for i in stride(from: k - 1, through: max(0, k - 4), by: -1)
            where tags[i].isVerb && (i == 0 || !words.nounMarkers.contains(form(tokens[i - 1]))) {
                let word = form(tokens[i])
                if words.intent.contains(word) { return Governor(word: i, intended: true) }
                if words.cancelling.contains(word) { return Governor(word: i, intended: false) }
            }
            return nil
        }
        guard k >= 2, form(tokens[k - 1]) == "to" else { return nil }
        let word = form(tokens[k - 2])
        if words.refusal.contains(word) { return Governor(word: k - 2, intended: false) }
        if words.intent.contains(word) { return Governor(word: k - 2, intended: true) }
        return nil
    }
}
