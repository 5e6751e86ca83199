/// Where a pattern's words stand after its trigger, as PETRARCH2 reads its verb patterns: articles, possessives and
/// modifiers aside, a noun in the plural, the verb's object where the pattern holds a `_`.
extension SentenceCoder {
    /// Whether a sentence holds a trigger followed by its pattern's particles, or a blaming phrase. A plain loop: a closure
    /// over the coder here would copy it for every word.
    func hasTrigger(_ tokens: [Int]) -> Bool {
        for k in tokens.indices {
            if let cue = cues[tokens[k]] {
                for pattern in cue.patterns where pattern.particles.isEmpty || particlesEnd(pattern, tokens, k, tagged: false) != nil {
                    return true
                }
            }
            if closesBlame(tokens, k) { return true }
        }
        return false
    }

    /// Where the particles of a pattern end after the trigger at `k` (an article or a possessive may come between:
    /// "imposed a curfew", "opened its borders", "closed Venezuela's borders", "pledged his country's support"; and one
    /// or two modifiers before the last word where it stands in a noun's place, after an article or another word of the
    /// pattern, or where it is a noun: "declared a monthlong ceasefire", "called off a general strike", "hit military
    /// positions", not "reach out"), or nil. The last word may be a noun's plural ("closed its borders"). A `_` among the
    /// words stands for the verb's object ("find _ guilty"). Before the sentence is `tagged`, any word may be such a
    /// modifier, and any last word a noun.
    func particlesEnd(_ pattern: EventPatterns.Pattern, _ tokens: [Int], _ k: Int, tagged: Bool = true) -> Int? {
        var i = k + 1
        let lastParticle = pattern.particles.count - 1
        for (n, particle) in pattern.particles.enumerated() {
            if particle == "_" {
                // The object stands here ("found the party guilty", "held 2,000 people as human shields", "called on Uganda,
                // its closest ally, to", "called on Iran and its allies to"): one to ten words, no verb nor clause boundary
                // but a comma or "and" among them, before the next word of the pattern.
                guard n < lastParticle, i + 1 < tokens.count,
                    let next = ((i + 1)..<min(i + 11, tokens.count)).first(where: {
                        form(tokens[$0]) == pattern.particles[n + 1]
                            || (n + 1 == lastParticle && Self.isPlural(form(tokens[$0]), of: pattern.particles[n + 1]))
                    }),
                    (i..<next).allSatisfy({
                        ([",", "and"].contains(form(tokens[$0])) || !words.boundaries.contains(form(tokens[$0])))
                            && (!tagged || !tags[$0].isVerb)
                    })
                else { return nil }
                i = next
                continue
            }
            if i < tokens.count, words.patternDeterminers.contains(form(tokens[i])), particle != form(tokens[i]) {
                i += 1
            }
            if i + 1 < tokens.count, form(tokens[i + 1]) == "'s", !tagged || tags[i].isNoun {
                i += 2
            }
            let matches = { (j: Int) in
                form(tokens[j]) == particle || (n == lastParticle && Self.isPlural(form(tokens[j]), of: particle))
            }
            if n == lastParticle || (n == 0 && i > k + 1) {
                // Up to two modifiers: "tested a new ballistic missile", "closed its land borders", "declared a 30-day
                // state of siege".
                var j = i
                while j < i + 2, j + 1 < tokens.count, !matches(j),
                    !tagged || tags[j].isAdjective || tags[j].isNumber || tags[j].kind == .noun
                        || form(tokens[j]).utf8.contains(UInt8(ascii: "-"))
                {
                    j += 1
                }
                if j < tokens.count, j > i, matches(j), n > 0 || i > k + 1 || !tagged || tags[j].isNoun { i = j }
            }
            guard i < tokens.count, matches(i) else { return nil }
            i += 1
        }
        // "launched a diplomatic offensive", "waged a trade war": a campaign, not force.
        if holds(.fighting, pattern.code), !pattern.particles.isEmpty, i - 1 > k + 1, isCampaign(nounAt: i - 1, tokens) { return nil }
        return i
    }

    /// Whether the noun of force at `index` names a campaign, no force ("a diplomatic offensive", "a trade war").
    func isCampaign(nounAt index: Int, _ tokens: [Int]) -> Bool {
        index > 0 && words.campaigns.contains(form(tokens[index - 1]))
    }

    /// Whether the noun at `k` is written with a capital inside running prose, so part of a name ("the Court of Appeals",
    /// "Legal Aid", "the North American Free Trade Agreement"), no event. A headline in title case or capitals, where no
    /// word of four letters or more is lowercase, still states events ("Sturgeon Calls for Scottish Referendum").
    func isPartOfName(nounAt k: Int, _ tokens: [Int]) -> Bool {
        guard k > 0, document.forms[tokens[k]].first?.isUppercase == true else { return false }
        return tokens.contains { token in
            let word = document.forms[token]
            return word.utf8.count >= 4 && word.first?.isLowercase == true && word.allSatisfy(\.isLetter)
        }
    }

    /// Whether a verb pattern that takes a direct object meets, right after its trigger at `k`, a preposition that a noun
    /// pattern of the same word takes ("the EU sanctions on Iran", "Russian attacks on Kyiv"): the word is that noun,
    /// whatever the tagger says ("the US sanctions Iran" stays a verb), unless a verb pattern of the word goes on with that
    /// preposition ("calls for", "call on").
    func isNounBeforeItsPreposition(_ pattern: EventPatterns.Pattern, _ candidates: [EventPatterns.Pattern], _ tokens: [Int], _ k: Int)
        -> Bool
    {
        guard !pattern.isNoun, pattern.particles.isEmpty, pattern.targets.first == "_", k + 1 < tokens.count else { return false }
        let next = form(tokens[k + 1])
        return candidates.contains { $0.isNoun && $0.particles.isEmpty && $0.targets.contains(next) }
            && !candidates.contains { !$0.isNoun && $0.particles.first == next }
    }

    /// Whether `word` is the regular plural of the noun `particle` ("borders", "crosses").
    static func isPlural(_ word: String, of particle: String) -> Bool {
        particle.utf8.count >= 3 && word.utf8.count == particle.utf8.count + (particle.hasSuffix("s") ? 2 : 1) && word.hasPrefix(particle)
            && word.hasSuffix(particle.hasSuffix("s") ? "es" : "s")
    }
}
