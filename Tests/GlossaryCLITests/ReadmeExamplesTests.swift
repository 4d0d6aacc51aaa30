import Foundation
import GlossaryTestSupport
import Testing

/// Every example of README.md runs as written on a fresh copy of the repository, in order, and leaves
/// Glossaries/ as it was (see README "Set-up and the two commands" for the rules). Data-driven: the
/// commands come from README.md, so new examples are covered when they are added.
@Suite struct ReadmeExamplesTests {
  struct Example: CustomStringConvertible {
    var line: Int
    var command: String
    /// Exit codes accepted besides 0 and 1 (`exit N` in the comment).
    var exits: Set<Int32>
    var description: String { "README.md:\(line): \(command)" }
  }

  static var root: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
  }

  /// The command and its trailing comment (a `#` after a space, outside quotes).
  static func split(_ line: String) -> (command: String, comment: String) {
    var quote: Character? = nil
    var previous: Character = " "
    for (i, c) in zip(line.indices, line) {
      if let q = quote {
        if c == q { quote = nil }
      } else if c == "\"" || c == "'" {
        quote = c
      } else if c == "#" && previous == " " {
        return (String(line[..<i]).trimmingCharacters(in: .whitespaces), String(line[line.index(after: i)...]))
      }
      previous = c
    }
    return (line.trimmingCharacters(in: .whitespaces), "")
  }

  /// The examples of a README: `$ ` lines of blocks that have them, else every command line of `sh` blocks;
  /// `\` continues a command on the next line. Only commands that run `glossary` are kept.
  static func examples(_ text: String) -> [Example] {
    var out: [Example] = []
    var block: [(Int, String)]? = nil
    var isShell = false
    for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = String(raw)
      if line.hasPrefix("```") {
        if let b = block {
          let transcript = b.contains { $0.1.hasPrefix("$ ") }
          if transcript || isShell {
            var k = 0
            while k < b.count {
              let number = b[k].0
              var l = b[k].1
              k += 1
              if transcript {
                guard l.hasPrefix("$ ") else { continue }
                l = String(l.dropFirst(2))
              }
              if l.trimmingCharacters(in: .whitespaces).hasPrefix("#") || l.trimmingCharacters(in: .whitespaces).isEmpty { continue }
              var (command, comment) = split(l)
              while command.hasSuffix("\\"), k < b.count {
                let next = split(b[k].1)
                command = String(command.dropLast()) + " " + next.command
                comment += " " + next.comment
                k += 1
              }
              let first = command.split(separator: " ").first.map(String.init) ?? ""
              guard first == "glossary" || command.contains("| glossary ") else { continue }
              var exits: Set<Int32> = []
              var rest = Substring(comment)
              while let r = rest.range(of: "exit ") {
                if let code = Int32(rest[r.upperBound...].prefix { $0.isNumber }) { exits.insert(code) }
                rest = rest[r.upperBound...]
              }
              if comment.contains("(needs ") { continue }
              out.append(Example(line: number, command: command, exits: exits))
            }
          }
          block = nil
        } else {
          block = []
          isShell = line.hasPrefix("```sh")
        }
        continue
      }
      block?.append((n + 1, line))
    }
    return out
  }

  @Test func theExtractorFindsCommandsCommentsContinuationsAndMarkers() {
    let text = """
      ```sh
      scripts/install-deps.sh && swift build
      glossary lookup "a # b" --json   # a comment (exit 3)
      glossary check a b \\
        --date 2020-01-01   # (needs a and b)
      ```
      ```
      $ printf 'x\\n' | glossary normalize --key
      x
      glossary review  output line, not a command
      ```
      """
    let found = Self.examples(text)
    #expect(found.map(\.command) == ["glossary lookup \"a # b\" --json", "printf 'x\\n' | glossary normalize --key"])
    #expect(found.map(\.line) == [3, 8] && found[0].exits == [3])
  }

  @Test func everyExampleRunsAndLeavesTheShippedGlossaryAlone() throws {
    let root = Self.root
    let readme = try String(contentsOfFile: root + "/README.md", encoding: .utf8)
    let examples = Self.examples(readme)
    #expect(examples.count > 40)
    let dir = try TestSupport.temporaryDirectory("readme")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    for item in ["Corpus", "Glossaries", "README.md"] {
      try FileManager.default.copyItem(atPath: root + "/" + item, toPath: dir + "/" + item)
    }
    func shipped() throws -> [String: Data] {
      var files: [String: Data] = [:]
      for name in try FileManager.default.contentsOfDirectory(atPath: dir + "/Glossaries") where !name.hasPrefix(".") {
        files[name] = try Data(contentsOf: URL(fileURLWithPath: dir + "/Glossaries/" + name))
      }
      return files
    }
    let before = try shipped()
    let binary = URL(fileURLWithPath: TestSupport.glossaryBinary()).deletingLastPathComponent().path
    for example in examples {
      let p = Process()
      p.executableURL = URL(fileURLWithPath: "/bin/sh")
      p.arguments = ["-c", example.command]
      p.currentDirectoryURL = URL(fileURLWithPath: dir)
      var env = ProcessInfo.processInfo.environment
      env["PATH"] = binary + ":" + (env["PATH"] ?? "/usr/bin:/bin")
      env["NO_COLOR"] = "1"
      env["GLOSSARY_PATH"] = nil
      p.environment = env
      p.standardInput = FileHandle.nullDevice
      p.standardOutput = FileHandle.nullDevice
      let errors = Pipe()
      p.standardError = errors
      try p.run()
      let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      p.waitUntilExit()
      let ok = p.terminationStatus == 0 || p.terminationStatus == 1 || example.exits.contains(p.terminationStatus)
      #expect(ok, "\(example) exited \(p.terminationStatus): \(stderr.prefix(400))")
    }
    #expect(try shipped() == before, "an example changed Glossaries/")
  }
}
