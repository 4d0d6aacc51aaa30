import Foundation
import GlossaryTestSupport
import Testing

@testable import GlossaryKit

@Suite struct ImportTests {
  static let v2 = """
    <?xml version="1.0" encoding="UTF-8"?>
    <!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
    <martif type="TBX" xml:lang="zh-CN"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>
    <text><body>
      <termEntry id="t1">
        <descrip type="subjectField">initiatives</descrip>
        <langSet xml:lang="zh-CN"><tig><term>一带一路</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig></langSet>
        <langSet xml:lang="en-US">
          <descripGrp><descrip type="definition">China's   initiative
             of 2013.</descrip><admin type="source">MFA</admin></descripGrp>
          <tig><term>the Belt and Road Initiative</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
            <termNote type="partOfSpeech">noun</termNote></tig>
          <ntig><termGrp><term>One Belt, One Road</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termGrp>
            <note>Until   2015.</note></ntig>
          <tig><term>BRI</term><termNote type="termType">acronym</termNote></tig>
        </langSet>
      </termEntry>
    </body></text></martif>
    """

  func write(_ text: String, _ name: String) throws -> (dir: String, file: String) {
    let dir = try TestSupport.temporaryDirectory()
    return (dir, try TestSupport.write(text, to: name, in: dir))
  }

  @Test func readsTBXVersion2AsConceptsInTheFilesLanguages() throws {
    let (dir, file) = try write(Self.v2, "old.tbx")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let g = try GlossaryImporter.read(path: file)
    #expect(g.languages == ["zh-CN", "en-US"] && g.comments == ["# x"])
    let c = try #require(g.concept(id: "t1"))
    #expect(c.subjectField == "initiatives")
    #expect(c.definition(in: "en-US") == "China's initiative of 2013." && c.description(for: "en-US")?.definitionSource == "MFA")
    #expect(c.terms.map(\.text) == ["一带一路", "the Belt and Road Initiative", "BRI", "One Belt, One Road"])
    #expect(c.terms.map(\.status) == [.preferred, .preferred, .admitted, .superseded])  // no status: admitted
    #expect(c.terms[1].partOfSpeech == "noun" && c.terms[3].note == "Until 2015." && c.terms[2].tags == ["acronym"])
  }

  @Test func xmlIsReadWithoutEntitiesNetworkOrDeepNesting() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    func refusal(_ text: String) throws -> String {
      let file = try TestSupport.write(text, to: "x.tbx", in: dir)
      do {
        _ = try GlossaryImporter.read(path: file)
        return "accepted"
      } catch {
        return "\(error)"
      }
    }
    let bomb = """
      <?xml version="1.0"?>
      <!DOCTYPE tbx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
      <tbx><text><body><conceptEntry><langSec xml:lang="zh"><termSec><term>&b;</term></termSec></langSec></conceptEntry></body></text></tbx>
      """
    #expect(try refusal(bomb).contains("x.tbx:3: column"))
    let external = "<?xml version=\"1.0\"?>\n<!DOCTYPE tbx [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<tbx>&e;</tbx>"
    #expect(try refusal(external).hasPrefix("\(dir)/x.tbx:3:"))
    let deep = "<tbx>" + String(repeating: "<p>", count: 100) + String(repeating: "</p>", count: 100) + "</tbx>"
    #expect(try refusal(deep).contains("nested deeper than 64"))
    let attributes = "<tbx><text a0=\"0\"" + (1..<100).map { " a\($0)=\"\($0)\"" }.joined() + "/></tbx>"
    #expect(try refusal(attributes).contains("more than 64 attributes"))
    let truncated = String(Self.v2.prefix(Self.v2.count - 30))
    #expect(try refusal(truncated).contains("nothing was imported"))
    let badUTF8 = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tbx><te\u{FFFF}xt/></tbx>"
    #expect(try refusal(badUTF8).contains("x.tbx:2:"))
    #expect(try refusal("<glossary/>").contains("not a TBX file"))
  }

  /// Issue 15's XML reproducers: invalid UTF-8 bytes in an element name, an entity declared in a
  /// UTF-16 document or after 1 MiB of the internal subset: refused with line (never a crash, never
  /// text silently dropped after an entity reference).
  @Test func xmlReproducersAreRefusedWithTheirLine() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    func refusal(_ bytes: [UInt8], _ name: String) throws -> String {
      let file = dir + "/" + name
      try Data(bytes).write(to: URL(fileURLWithPath: file))
      do {
        _ = try GlossaryImporter.read(path: file)
        return "accepted"
      } catch {
        return "\(error)"
      }
    }
    let body = "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\"><text><body><conceptEntry id=\"c1\"><langSec xml:lang=\"en\"><termSec><term>a &e; b</term></termSec></langSec></conceptEntry></body></text></tbx>"
    var invalid = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tbx><te".utf8)
    invalid += [0xC3, 0x28, 0xFF]
    invalid += Array("xt/></tbx>".utf8)
    let bad = try refusal(invalid, "utf8.tbx")
    #expect(bad.contains("utf8.tbx:2:") && bad.contains("nothing was imported"), "\(bad)")
    let utf16Text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<!DOCTYPE tbx [<!ENTITY e \"x\">]>\n" + body
    var utf16: [UInt8] = [0xFF, 0xFE]
    for u in utf16Text.utf16 { utf16 += [UInt8(u & 0xFF), UInt8(u >> 8)] }
    let wide = try refusal(utf16, "utf16.tbx")
    #expect(wide.contains("utf16.tbx:3:") && wide.contains("nothing was imported"), "\(wide)")
    let late = "<?xml version=\"1.0\"?>\n<!DOCTYPE tbx [<!-- " + String(repeating: "x", count: 1 << 20) + " -->\n<!ENTITY e \"x\">]>\n" + body
    let far = try refusal(Array(late.utf8), "late.tbx")
    #expect(far.contains("late.tbx:4:") && far.contains("nothing was imported"), "\(far)")
  }

  @Test func aManyAttributeElementIsRefusedInLinearTime() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let text = "<tbx><text" + (0..<200_000).map { " a\($0)=\"x\"" }.joined() + "/></tbx>"
    let file = try TestSupport.write(text, to: "many.tbx", in: dir)
    let start = Date()
    #expect(throws: GlossaryError.self) { try GlossaryImporter.read(path: file) }
    #expect(Date().timeIntervalSince(start) < 2)
  }

  @Test func aDanglingReplacementRefusesTheWholeImportNamingTheRow() throws {
    let csv = "concept,zh,en,status,replaced_by\nc1,农业,agriculture,preferred,\nc1,农业,farming,deprecated,nonexistent thing\n"
    let (dir, file) = try write(csv, "d.csv")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    #expect {
      try GlossaryImporter.read(path: file)
    } throws: { error in
      "\(error)".hasPrefix("\(file):3: replaced_by \"nonexistent thing\"") && (error as? GlossaryError)?.exitCode == 65
    }
    let unbalanced = try TestSupport.write("zh,en\n甲,\"open\n乙,B\n", to: "u.csv", in: dir)
    #expect {
      try GlossaryImporter.read(path: unbalanced)
    } throws: { error in "\(error)".hasPrefix("\(unbalanced):2: a quoted field is never closed") }
  }

  @Test func csvTakesItsLanguagesAndConceptsFromTheHeader() throws {
    let csv = "\u{FEFF}concept,en,zh,status,note,pos\nk1,black hole,黑洞,preferred,\"a, b\",noun\nk1,black hole,黑窟窿,deprecated,,\nk2,star,恒星,,,\n"
    let (dir, file) = try write(csv, "x.csv")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let g = try GlossaryImporter.read(path: file)
    #expect(g.languages == ["en", "zh"] && g.concepts.map(\.id) == ["k1", "k2"])
    #expect(g.concept(id: "k1")!.terms.map(\.text) == ["black hole", "黑洞", "黑窟窿"])
    #expect(g.concept(id: "k1")!.terms[1].note == "a, b" && g.concept(id: "k1")!.terms[1].partOfSpeech == "noun")
    #expect(g.concept(id: "k2")!.terms[1].status == .preferred)
  }

  @Test func importIntoAGlossaryOfOtherLanguagesIsRefused() throws {
    let (dir, file) = try write(Self.v2, "old.tbx")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let imported = try GlossaryImporter.read(path: file)
    var es = Glossary(languages: ["en", "es"])
    #expect {
      try GlossaryImporter.merge(imported, into: &es, path: "g.en-es.tsv", file: "old.tbx")
    } throws: { error in
      "\(error)".contains("old.tbx holds zh-CN, en-US but the glossary holds en, es: nothing imported") && (error as? GlossaryError)?.exitCode == 65
    }
    // zh-CN and en-US are zh and en.
    var zh = Glossary(sourceLanguage: "zh", targetLanguage: "en")
    let report = try GlossaryImporter.merge(imported, into: &zh, path: "g.zh-en.tsv")
    #expect(report.conceptsAdded == 1 && report.added == 4 && report.conflicts.isEmpty)
    #expect(zh.concepts[0].terms.map(\.language) == ["zh", "en", "en", "en"] && zh.concepts[0].definition(in: "en") == "China's initiative of 2013.")
  }

  @Test func mergeJoinsConceptsAndReportsConflictsInsteadOfOverwriting() throws {
    var g = try Glossary.parse(TestSupport.sampleGlossary, path: "s.tsv")
    let before = g
    let incoming = Glossary(entries: [
      GlossaryEntry(source: "国家主席", target: "State President", status: .preferred),  // second preferred
      GlossaryEntry(source: "国家主席", target: "President", status: .admitted),  // other status
      GlossaryEntry(source: "国家主席", target: "Chairman", status: .deprecated, replacedBy: "President"),  // new
      GlossaryEntry(source: "命运共同体", target: "community with a shared future", status: .preferred),  // same
      GlossaryEntry(source: "双碳", target: "dual carbon", status: .preferred),  // new concept
    ])
    let report = try GlossaryImporter.merge(incoming, into: &g, path: "s.tsv")
    #expect(report.conceptsAdded == 1 && report.added == 2 && report.unchanged == 2 && report.updated == 0)
    #expect(report.conflicts.count == 2)
    #expect(report.conflicts.contains { $0.contains("glossary says preferred, import says admitted") })
    #expect(report.conflicts.contains { $0.contains("two preferred en terms") })
    // The concept that clashed is kept as it was: "Chairman" came with the refused concept change.
    #expect(g.entries.count == before.entries.count + 1)
    #expect(g.entries.contains { $0.source == "双碳" && $0.target == "dual carbon" })
  }

  /// The TBX-Basic sample of another tool (English-Spanish, synonyms on both sides), when the shared data are there.
  @Test func astronomySampleKeepsEveryConceptAndTerm() throws {
    let path = (ProcessInfo.processInfo.environment["GLOSSARY_SHARED_DATA"] ?? "../shared/data") + "/tbx/Example_Astronomy_DCA_VALID.tbx"
    guard FileManager.default.fileExists(atPath: path) else { return }
    let g = try GlossaryImporter.read(path: path)
    #expect(g.languages.prefix(2) == ["en", "es"] && g.concepts.count == 45)
    let grb = try #require(g.concepts.first { $0.termIndex(language: "en", text: "GRB") != nil })
    #expect(Set(grb.terms.map(\.text)) == ["gamma-ray burst", "GRB", "explosión de rayos gamma", "brote de rayos gamma"])
    let open = try #require(g.concept(id: "c1"))
    #expect(open.terms.first { $0.text == "galactic cluster" }?.status == .superseded)
    #expect(open.subjectField == "General" && open.definition(in: "en") == "A group of stars formed together in the spiral arms of a galaxy.")
    #expect(g.concepts.contains { $0.termIndex(language: "es", text: "Vía Láctea") != nil })
    #expect(g.concepts.contains { $0.termIndex(language: "es", text: "horizonte de eventos") != nil })
    var into = Glossary(languages: g.languages)
    let report = try GlossaryImporter.merge(g, into: &into, path: "astro.tsv")
    #expect(report.conflicts.isEmpty && report.conceptsAdded == 45)
    let index = try LookupIndex.inMemory(text: into.tsv(), path: "astro.tsv", keys: try LookupKeys())
    #expect(index.lookup("agujero negro", keys: try LookupKeys()).first?.source == "black hole")
    #expect(index.lookup("black hole", keys: try LookupKeys()).first?.entries.map(\.target) == ["agujero negro"])
  }
}
