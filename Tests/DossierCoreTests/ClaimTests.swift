import DossierCore
import Testing

extension Document {
    /// Claims as "text | asserted by | denied by", names joined with commas ("-" for none).
    var claimLines: [String] {
        claims.map { claim in
            let names = { (ids: [Int]) in ids.isEmpty ? "-" : ids.map { entities[$0].name }.joined(separator: ",") }
            return "\(string(claim.span)) | \(names(claim.assertedBy)) | \(names(claim.deniedBy))"
        }
    }
}

@Suite struct ClaimTests {
    /// A side denies accusations, not that it met, talked or wrote: reported cooperation with it is no claim its denial
    /// answers.
    @Test(arguments: [
        "Tillerson said he had a productive meeting with Putin at the Kremlin.",
        "Pyongyang said Shoigu conveyed a warm letter from Putin to Kim.",
    ])
    func reportedCooperationIsNotWhatADenialAnswers(cooperation: String) throws {
        let document = try understand(cooperation + " Britain said Russia had sent troops into Ukraine. Moscow denied the accusations.")
        #expect(document.claimLines.contains("Russia had sent troops into Ukraine | United Kingdom | Russia"))
        #expect(document.claims.count == 2)
        #expect(document.claims.filter { !$0.deniedBy.isEmpty }.count == 1)
    }

    @Test func aVerbThatLaysAnActAtSomeonesDoorStatesAClaim() throws {
        let document = try understand(
            "The United States has been linking the bombing of the embassy to Iranian agents. Tehran denied the accusations.")
        #expect(document.claimLines.contains("the bombing of the embassy to Iranian agents | United States | Iran"))
        // Without an object between the verb and its word, nothing is claimed of one.
        #expect(try understand("The attacks were linked to Iran.").claims.isEmpty)
    }

    @Test(arguments: [
        (
            "Pakistan alleged that India was behind the bombing. New Delhi called the allegation absurd.",
            "India was behind the bombing | Pakistan | India"
        ),
        (
            "Ukraine said Russian troops shelled the plant. Moscow dismissed the reports as lies.",
            "Russian troops shelled the plant | Ukraine | Russia"
        ),
        (
            "The United States says Iran supplied drones to Russia. Tehran has denied supplying any weapons.",
            "Iran supplied drones to Russia | United States | Iran"
        ),
        (
            "Ukraine said Russia shelled the plant. The Kremlin denies any involvement.",
            "Russia shelled the plant | Ukraine | Kremlin"
        ),
    ])
    func anActorWhoDiscreditsOrDeniesWhatWasSaidOfItDeniesTheClaim(text: String, claim: String) throws {
        #expect(try understand(text).claimLines == [claim])
    }

    @Test func aDenialOfAnActReachesOnlyTheSentencesJustBefore() throws {
        let document = try understand(
            "Ukraine said Russian troops shelled the plant. The plant lost power. Engineers worked through the night. "
                + "Repairs began on Monday. Crews arrived on Tuesday. Moscow denied sending troops.")
        #expect(document.claimLines == ["Russian troops shelled the plant | Ukraine | -"])
        // Discredit words that say nothing of the claim deny nothing ("false statements" someone made).
        let unrelated = try understand(
            "Ukraine said Russian troops shelled the plant. Moscow called the statements of its officials true, not false.")
        #expect(unrelated.claims.allSatisfy { $0.deniedBy.isEmpty })
    }

    @Test func aSpeakerWhoPlaysDownWhatWasSaidOfSomethingDisputesIt() throws {
        let document = try understand(
            "Japan condemned the exercise as a rehearsal for an invasion of Taiwan. China says it was merely a routine drill.")
        #expect(document.claimLines.first == "the exercise as a rehearsal for an invasion of Taiwan | Japan | China")
    }

    @Test func aContrastingNegationAnswersTheOtherSide() throws {
        let answered = try understand(
            "Boris Johnson said Russia would join the talks in May. But Sergei Lavrov said Russia would not join any talks.")
        #expect(answered.claimLines.first == "Russia would join the talks in May | Boris Johnson | Sergei Lavrov")
        // A contrast with no negation, of something else, or the same speaker going on, disputes nothing.
        for sentences in [
            "Boris Johnson said Russia would join the talks in May. But Sergei Lavrov said Russia would join them late.",
            "Boris Johnson said Russia would join the talks in May. But Sergei Lavrov said there was no date yet.",
            "Boris Johnson said Russia would join the talks in May. But he said Russia had not set a date yet.",
        ] {
            #expect(try understand(sentences).claims.allSatisfy { $0.deniedBy.isEmpty }, "\(sentences)")
        }
    }

    @Test func aSpeakerWhoNegatesAFactDeniesIt() throws {
        let document = try understand("North Korea said its army was not involved in the attack.")
        #expect(document.claimLines == ["its army was not involved in the attack | - | North Korea"])
        #expect(try understand("Moscow said it was not behind the attack.").claims.first?.deniedBy.isEmpty == false)
        // An attitude, a description, the speaker's mind or plans, or a negation inside another clause is no denial.
        for sentence in [
            "Japan said it was not satisfied with the answer.", "Iran said it would not attend the talks.",
            "Iowa is not a competitive state, Smith said.", "Trump said he did not know the answer.",
            "Iran said the talks that were not the result of pressure would go on.",
        ] {
            #expect(try understand(sentence).claims.allSatisfy { $0.deniedBy.isEmpty }, "\(sentence)")
        }
    }
}
