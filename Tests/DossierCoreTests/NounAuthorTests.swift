import DossierCore
import Testing

/// Who does the act a noun names: its owner, a "by" or "from" phrase, or the subject of a verb whose object it is when
/// that verb makes the subject act ("held talks", "began an offensive"); not the subject of a verb that speaks of it,
/// describes it or receives it.
@Suite struct NounAuthorTests {
    @Test(arguments: [
        // The subject of a light, engaging or intending verb does the act.
        ("North Korea conducted a missile launch on Monday.", ["150 North Korea>- reported"]),
        ("Kenyan troops began an offensive against Somalia.", ["190 Kenya>Somalia reported"]),
        ("Kenya attended the talks with Uganda.", ["040 Kenya>Uganda reported"]),
        ("Kenya flew to Uganda for talks with Uganda's president.", ["040 Kenya>Uganda reported"]),
        // A speaker or describer does not.
        ("Japan said the launch was a provocation.", []),
        ("Kenya said the attack on Uganda was a crime.", ["190 ->Uganda reported"]),
        ("Kenya described the visit to Uganda as a success.", []),
        // A "from" phrase names the author, and the subject that receives the act is its target.
        ("Uganda faced accusations from Kenya.", ["112 Kenya>Uganda reported"]),
        // A "by" phrase names it only where no verb comes first: "impacted by" has its own agent.
        ("Kenya is providing assistance to farmers impacted by floods in Uganda.", ["070 Kenya>Uganda reported"]),
        // A nationality before the noun does the act; blame of the act is aimed at it, not at whom the act is done to.
        ("Kenya condemned the Ugandan incursion into Tanzania.", ["111 Kenya>Uganda reported", "192 Uganda>Tanzania reported"]),
        ("Kenya condemned Uganda's incursion into Tanzania.", ["111 Kenya>Uganda reported", "192 Uganda>Tanzania reported"]),
        // Aid may go to the nationality before it.
        ("Kenya cut Somali aid.", ["162 Kenya>- reported"]),
        // Who says there is no proof for an accusation denies it, whoever made it.
        ("The Kenyan foreign minister said Kenya had seen no proof for the slanderous accusation.", ["016 Kenya>- reported"]),
    ])
    func theNounsAuthorActs(sentence: String, expected: [String]) throws {
        #expect(try understand(sentence).eventLines == expected)
    }

    @Test(arguments: [
        // A proposal's author after "from", "by" or "of", a title or article between.
        ("Kenya refused a request from the Ugandan foreign minister, Sam Kutesa.", ["120 Kenya>Sam Kutesa reported"]),
        ("Kenya rejected a new peace proposal by Uganda.", ["120 Kenya>Uganda reported"]),
        ("Kenya welcomed the invitation of the Tanzanian government to attend the summit.", ["051 Kenya>Tanzania reported"]),
        // Any act's author after a participle and "by": the act of force is coded too.
        ("Kenya condemned the attacks carried out by Uganda.", ["111 Kenya>Uganda reported"]),
        ("Kenya condemned the act of aggression and the continuing threats made by Uganda.", ["111 Kenya>Uganda reported"]),
        ("The ministers condemned the act of aggression and the threats made by the Ugandan government.", ["111 ->Uganda reported"]),
        // Only a response is so aimed, and only at an author: an act's victim is no author.
        ("Kenya rejected the attack on Uganda.", ["120 Kenya>Uganda reported"]),
    ])
    func aResponseIsAimedAtTheAuthorOfWhatItAnswers(sentence: String, expected: [String]) throws {
        #expect(try understand(sentence).eventLines == expected)
    }

    @Test(arguments: [
        // Two named before meet each other when the noun's "of" or "between" phrase refers to them as a pair.
        (
            "Kenya and Uganda have quarrelled over the border for years. Talks between the two countries resumed on Monday.",
            ["040 Kenya>Uganda reported", "040 Uganda>Kenya reported"]
        ),
        (
            "Kenya and Uganda have quarrelled over the border for years. A meeting of foreign ministers of both countries took place.",
            ["040 Kenya>Uganda reported", "040 Uganda>Kenya reported"]
        ),
        // People from both countries are no pair of states meeting.
        ("Kenya and Uganda have quarrelled over the border for years. A meeting of farmers from both countries took place.", []),
    ])
    func aPairAfterTheNounMeetsEachOther(text: String, expected: [String]) throws {
        #expect(try understand(text).eventLines == expected)
    }

    @Test(arguments: [
        // An embargo is a sanction; lifting or easing one yields.
        ("The EU's embargo on Tanzania remains in force.", ["163 European Union>Tanzania reported"]),
        ("Kenya imposed an embargo on Uganda in 1999.", ["163 Kenya>Uganda reported"]),
        ("Kenya eased its embargo on Uganda.", ["081 Kenya>Uganda reported"]),
        // A sanction cut or lifted, before the noun or as the passive verb whose subject it is, is eased; aid so cut is cut.
        ("The EU embargo on Tanzania is likely to be lifted.", ["081 European Union>Tanzania reported"]),
        ("The EU sanctions on Tanzania were lifted in 2016.", ["081 European Union>Tanzania reported"]),
        ("Kenyan military aid to Uganda was suspended last year.", ["162 Kenya>Uganda reported"]),
        ("The easing of the sanctions on Tanzania began in May.", ["081 ->Tanzania reported"]),
        // A name before sanctions whose receiver is named after them imposes them; a verb that goes on with the
        // preposition stays a verb.
        ("He pointed to recent U.S. sanctions against Tanzania.", ["163 United States>Tanzania reported"]),
        ("Kenya calls for talks with Uganda.", ["036 Kenya>Uganda reported"]),
        // Praise and an apology named by a noun, with whom they are for; support only where it is expressed.
        ("Kenya's praise for Uganda surprised observers.", ["051 Kenya>Uganda reported"]),
        ("Japan's apology to South Korea was welcomed.", ["055 Japan>South Korea reported"]),
        ("Kenya expressed support for Uganda.", ["051 Kenya>Uganda reported"]),
        ("Kenya received support from Uganda.", []),
        // The owner of a noun whose phrase names another actor is the one that acts, here and for the verb after it.
        ("Kenya's attack on Uganda killed ten soldiers.", ["190 Kenya>Uganda reported", "186 Kenya>soldiers reported"]),
        // A capitalised noun inside prose is part of a name, no event.
        ("The Kenyan Court of Appeals in Nairobi ruled on the case.", []),
        ("Kenya signed the Lusaka Peace Agreement with Uganda.", ["057 Kenya>Uganda reported"]),
    ])
    func nounsNameTheirActs(sentence: String, expected: [String]) throws {
        #expect(try understand(sentence).eventLines == expected)
    }
}
