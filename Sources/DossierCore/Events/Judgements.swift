/// Judgements in speech: an adjective of disapproval said of an actor or of an act ("Japan said the launch was
/// intolerable", "the move is unacceptable, Beijing said") is its speaker's criticism (111) of the actor, or of whoever
/// did the act.
extension SentenceCoder {
    /// The roles of a judging adjective at `k`: the speaker of the quote it stands in, and what it is said of, an actor
    /// or the one who did the act named last ("the launch was intolerable": who launched it). `nil` where the adjective
    /// is no predicate ("a provocative act" judges by itself no one) or no one says it.
    func judgement(_ tokens: [Int], _ k: Int, _ s: Int, _ actors: [(mention: Int, entity: Int)]) -> (source: Int, targets: [Int])? {
        var be = k - 1
        while be > 0, tags[be].isAdverb { be -= 1 }
        guard be > 0, words.be.contains(form(tokens[be])), let speaker = speaker(of: tokens[k]) else { return nil }
        // The subject before "be" and its modals or negation ("it would not be").
        var before = be - 1
        while before > 0, tags[before].isModal || tags[before].isAdverb { before -= 1 }
        let subject = tokens[before]
        // The subject itself, or its owner or nationality a few words before it ("Russia's move", "the Russian plan").
        if let actor = actors.last(where: { actor in
            let end = last(actor.mention)
            return end <= subject && end >= max(subject - 3, tokens[0])
                && stride(from: end + 1, to: subject, by: 1).allSatisfy { !tags[$0 - tokens[0]].isVerb }
        }),
            tags[before].isNoun || last(actor.mention) == subject
        {
            return actor.entity == speaker ? nil : (speaker, [actor.entity])
        }
        // "the launch", "it", "this": the latest act of another, in this sentence or a few before.
        guard tags[before].isNoun || tags[before].isPronoun,
            let act = acts.last(where: { $0.source != speaker }), s - act.sentence <= 6
        else { return (speaker, []) }
        return (speaker, [act.source])
    }

    /// Whom a criticism that names no one is aimed at: the author of the act its object names ("condemned the launch":
    /// the launch named before, else the latest act near), or, where its clause ends right after it ("China expressed
    /// its displeasure."), the author of the latest act of another in this sentence or the two before.
    func criticisedAuthor(_ tokens: [Int], _ after: Int, _ s: Int, besides sources: [Int]) -> Int? {
        var act: (source: Int, sentence: Int, word: String)?
        if let head = actedOn(tokens, after) {
            act = acts.last(where: { $0.word == head }) ?? acts.last.flatMap({ s - $0.sentence <= 6 ? $0 : nil })
        } else if after >= tokens.count || [",", ".", ";", ":"].contains(form(tokens[after])) {
            act = acts.last(where: { !sources.contains($0.source) }).flatMap { s - $0.sentence <= 2 ? $0 : nil }
        }
        guard let act, !sources.contains(act.source) else { return nil }
        return act.source
    }

    /// The speaker of the innermost quote that holds a document token: "Louisa reported that 'Japan said the launch was
    /// intolerable'" is Japan's.
    func speaker(of token: Int) -> Int? {
        let span = document.tokens[token].span
        return document.quotes.filter({ $0.span.contains(span) }).min(by: { $0.span.length < $1.span.length })?.speaker
    }
}
