import Foundation
import GlossaryTestSupport
import Testing

@testable import GlossaryKit

@Suite struct GlossaryFormatTests {
  @Test func parsesTheSample() throws {
    let g = try Glossary.parse(TestSupport.sampleGlossary, path: "s.tsv")
    #expect(g.sourceLanguage == "zh" && g.targetLanguage == "en")
    #expect(g.comments == ["# sample glossary for tests"])
    #expect(g.entries.count == 8)
    let e = g.entries[4]
    #expect(e.score == 0.9 && e.occurrences == 12 && e.documents == 2)
    #expect(e.firstSeen == ISODate("2022-03-01") && e.lastSeen == ISODate("2023-05-02"))
    #expect(e.documentsPerYear == [2022: 1, 2023: 1])
    #expect(e.examples == [TermExample(document: "2022-03-01-talks", source: "推动构建人类命运共同体", target: "build a community with a shared future for humanity")])
    #expect(g.concepts.map { $0.headTerm(in: "zh")!.text } == ["一带一路", "人类命运共同体", "命运共同体", "国家主席"])
    #expect(g.concepts.map(\.id) == ["c1", "c2", "c3", "c4"] && g.formatVersion == 1)
  }

  @Test func writingIsStableAndSorted() throws {
    let g = try Glossary.parse(TestSupport.sampleGlossary, path: "s.tsv")
    let shuffled = Glossary(sourceLanguage: "zh", targetLanguage: "en", comments: g.comments, entries: g.entries.reversed())
    #expect(shuffled.tsv() == g.tsv())
    let again = try Glossary.parse(g.tsv(), path: "s.tsv")
    #expect(again == g)
    #expect(again.tsv() == g.tsv())
    // Status order within a term: preferred, admitted, superseded, deprecated.
    #expect(again.entries.prefix(4).map(\.status) == [.preferred, .admitted, .superseded, .deprecated])
  }

  @Test func escapesRoundTrip() throws {
    let g = Glossary(entries: [GlossaryEntry(source: "a\\b", target: "x\\y", status: .preferred, note: "line1\nline2\tx\\n")])
    let text = g.tsv()
    #expect(text.contains("\tzh\ta\\\\b\tpreferred\t") && text.contains("\ten\tx\\\\y\tpreferred\t"))
    #expect(text.contains("\tline1\\nline2\\tx\\\\n\t"))
    #expect(try Glossary.parse(text, path: "e.tsv") == g)
  }

  @Test func everyBrokenRowIsReportedWithItsLine() throws {
    let header = "zh\ten\tstatus\tvalid_from\tvalid_to\treplaced_by\ttags\tnote\tscore\toccurrences\tseen_in\texamples\treviewer\treviewed\n"
    let empty = String(repeating: "\t", count: 10)
    let text = "# c\n" + header
      + "甲\tA\tpreferred\t\t\t\t" + empty + "\n"  // 3: field count 17
      + "乙\tB\tfavourite\t\t\t\t\t\t\t\t\t\t\t\n"  // 4: unknown status
      + "丙\tC\tpreferred\t2021-02-30\t\t\t\t\t\t\t\t\t\t\n"  // 5: bad date
      + "丁\tD\tadmitted\t2022-01-01\t2021-01-01\t\t\t\t\t\t\t\t\t\n"  // 6: to < from
      + "戊\tE\tpreferred\t\t\t\t\t\\x\t\t\t\t\t\t\n"  // 7: bad escape
      + "己\tF\tpreferred\t\t\t\t\t\t\t\t\t\t\t\n"  // 8
      + "己\tF\tadmitted\t\t\t\t\t\t\t\t\t\t\t\n"  // 9: duplicate
      + "庚\tG\tpreferred\t\t\t\t\t\t\t\t\t\t\t\n"  // 10
      + "庚\tH\tpreferred\t\t\t\t\t\t\t\t\t\t\t\n"  // 11: two preferred
    do {
      _ = try Glossary.parse(text, path: "bad.tsv")
      Issue.record("expected an error")
    } catch let GlossaryError.invalid(path, problems, _) {
      #expect(path == "bad.tsv")
      let lines = problems.map(\.line)
      #expect(lines == [3, 4, 5, 6, 7, 9, 11])
      let message = GlossaryError.invalid(path: path, problems: problems, more: 0).description
      #expect(message.contains("bad.tsv:3: 17 fields, expected 14"))
      #expect(message.contains("bad.tsv:4: unknown status \"favourite\""))
      #expect(message.contains("bad.tsv:5: valid_from: \"2021-02-30\" is not a date"))
      #expect(message.contains("bad.tsv:6: valid_to 2021-01-01 is before valid_from 2022-01-01"))
      #expect(message.contains("bad.tsv:7:"))
      #expect(message.contains("bad.tsv:9: duplicate term en \"F\" in concept c2 (己) (first at line 8)"))
      #expect(message.contains("bad.tsv:11: two preferred en terms of concept c3 (庚) valid at the same time"))
    }
  }

  @Test func problemsAreCappedButCounted() throws {
    let header = "zh\ten\tstatus\n"
    let text = header + String(repeating: "甲\tA\n", count: 70)
    do {
      _ = try Glossary.parse(text, path: "many.tsv")
      Issue.record("expected an error")
    } catch let GlossaryError.invalid(_, problems, more) {
      #expect(problems.count == Glossary.maxProblems)
      #expect(more == 20)
    }
  }

  @Test func warningsDoNotStopLoading() throws {
    let text = "zh\ten\tstatus\treplaced_by\ttags\n甲\tA\tdeprecated\t\tnonsense\n"
    let g = try Glossary.parse(text, path: "w.tsv")
    #expect(g.entries.count == 1)
    #expect(g.warnings.map(\.line) == [2, 2])
  }

  @Test func isoDates() {
    #expect(ISODate("2016-01-01")?.previousDay.description == "2015-12-31")
    #expect(ISODate("2024-02-28")?.nextDay.description == "2024-02-29")
    #expect(ISODate("2023-02-29") == nil)
    #expect(ISODate("2023-1-01") == nil)
    #expect(ISODate("2020-03-01")!.previousDay == ISODate("2020-02-29"))
    #expect(ISODate("2019-12-31")! < ISODate("2020-01-01")!)
  }
}
