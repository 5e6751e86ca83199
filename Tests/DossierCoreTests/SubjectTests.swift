import DossierCore
import Testing

/// Who a verb's subject is: the actor just before its verb group, past titles, relatives, asides and appositions.
@Suite struct SubjectTests {
    @Test func subjectsBehindTitlesRelativesAndOfPhrases() throws {
        let document = try understand(
            "U.S. Secretary of State Rex Tillerson met Sergei Lavrov. "
                + "Donald Trump, who plans to meet Kim Jong Un, spoke on Monday. "
                + "President Barack Obama of the United States and President Xi Jinping of China will hold talks.")
        #expect(
            document.eventLines == [
                "040 Rex Tillerson>Sergei Lavrov reported", "036 Donald Trump>Kim Jong Un reported",
                "036 Barack Obama>Xi Jinping planned", "036 Xi Jinping>Barack Obama planned",
            ])
    }

    @Test func theSubjectStandsJustBeforeItsVerbGroup() throws {
        let document = try understand(
            "Republicans in Congress didn't think Donald Trump should meet with Recep Tayyip Erdogan. "
                + "John Bolton is meeting Chung Eui-yong this week.")
        #expect(
            document.eventLines == [
                "040 Donald Trump>Recep Tayyip Erdoğan reported", "040 John Bolton>Chung Eui-yong reported",
            ])
    }

    @Test func anAsideBetweenTheSubjectAndItsVerbHoldsNoSubject() throws {
        let aside = try understand("Boris Johnson, in a meeting in Paris with Emmanuel Macron, agreed to a new treaty.")
        #expect(aside.eventLines.last?.hasPrefix("030 Boris Johnson>") == true)
        // An apposition names the subject.
        #expect(
            try understand("Trump's adviser, John Bolton, met Chung Eui-yong.").eventLines == ["040 John Bolton>Chung Eui-yong reported"])
    }

    @Test(arguments: [
        // A participle after a comma has the sentence's subject, not the place before the comma.
        ("Al-Shabaab fighters torched a village in Kenya's Lamu County, killing 11 civilians.", "186 al-Shabab>civilians reported"),
        // A nationality that a verb follows is no modifier of the actor after the verb.
        (
            "The Ugandan army took over Busia and pushed Kenyan police out of the town, threatening to move against Nairobi.",
            "138 Uganda>Kenya reported"
        ),
    ])
    func aParticipleAfterACommaHasTheSentencesSubject(sentence: String, line: String) throws {
        #expect(try understand(sentence).eventLines == [line])
    }

    @Test(arguments: [
        // A verb whose object is an infinitive is done to whom the infinitive's phrase names, up to a comma.
        ("Kenya has agreed to lend $1 billion to Uganda, the latest of its measures with Tanzania.", "030 Kenya>Uganda reported"),
        ("Kenya agreed to build a road for trucks bound for Somalia.", "030 Kenya>Somalia reported"),
        // A counterpart the verb names keeps its place.
        ("Kenya agreed with Uganda to build a road to Somalia.", "030 Kenya>Uganda reported"),
    ])
    func aVerbWithAnInfinitiveIsDoneToWhomTheInfinitiveNames(sentence: String, line: String) throws {
        #expect(try understand(sentence).eventLines == [line])
    }
}
