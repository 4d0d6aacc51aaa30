import Foundation
import GlossaryTestSupport
import Testing

@Suite struct WordAlignCommandTests {
  let dir: String

  init() throws { dir = try TestSupport.temporaryDirectory("wordalign-test") }

  /// 18 pretokenized pairs, subject verb object on both sides.
  func toyFiles() throws -> (String, String) {
    let subjects = [("中国", "China"), ("美国", "America"), ("日本", "Japan")]
    let verbs = [("支持", "supports"), ("反对", "opposes")]
    let objects = [("和平", "peace"), ("合作", "cooperation"), ("战争", "war")]
    var zh = "", en = ""
    for s in subjects {
      for v in verbs {
        for o in objects {
          zh += "\(s.0) \(v.0) \(o.0)\n"
          en += "\(s.1) \(v.1) \(o.1)\n"
        }
      }
    }
    return (try TestSupport.write(zh, to: "toy.zh", in: dir), try TestSupport.write(en, to: "toy.en", in: dir))
  }

  @Test func pretokenizedIndicesCountInputTokens() throws {
    let (zh, en) = try toyFiles()
    let r = try TestSupport.run(["wordalign", "--pretokenized", "--iterations", "5,5", zh, en])
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == 18)
    #expect(lines.allSatisfy { $0 == "0-0 1-1 2-2" })
  }

  @Test func trainingFilesAddPairsButNotOutputLines() throws {
    let (zh, en) = try toyFiles()
    // One pretokenized pair to align, with a token ("3月") the tokenizer splits internally.
    let src = try TestSupport.write("中国 3月 支持 和平\n\n", to: "one.zh", in: dir)
    let tgt = try TestSupport.write("China in-March supports peace\n\n", to: "one.en", in: dir)
    let r = try TestSupport.run(["wordalign", "--pretokenized", src, tgt, "--train-source", zh, "--train-target", en,
                                 "--symmetrize", "intersect"])
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == 2)
    #expect(lines[1].isEmpty)  // empty pair: empty line
    let links = lines[0].split(separator: " ").map { $0.split(separator: "-").map { Int($0)! } }
    #expect(links.allSatisfy { $0[0] < 4 && $0[1] < 4 })
    #expect(links.contains([0, 0]) && links.contains([2, 2]) && links.contains([3, 3]))
  }

  @Test func lineCountMismatchNamesBothFiles() throws {
    let a = try TestSupport.write("中国\n美国\n", to: "a.zh", in: dir)
    let b = try TestSupport.write("China\n", to: "b.en", in: dir)
    let r = try TestSupport.run(["wordalign", a, b])
    #expect(r.status == 65)
    #expect(r.stdout.isEmpty)
    #expect(r.stderr.contains("a.zh has 2 lines") && r.stderr.contains("b.en has 1"))
    let t = try TestSupport.run(["wordalign", a, a, "--train-source", a, "--train-target", b])
    #expect(t.status == 65 && t.stderr.contains("b.en has 1"))
  }

  @Test func badOptions() throws {
    let (zh, en) = try toyFiles()
    #expect(try TestSupport.run(["wordalign", zh, en, "--symmetrize", "sideways"]).status == 64)
    #expect(try TestSupport.run(["wordalign", zh, en, "--train-source", zh]).status == 64)
    #expect(try TestSupport.run(["wordalign", zh, dir + "/missing.en"]).status == 66)
  }
}
