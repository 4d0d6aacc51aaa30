import ArgumentParser
import Foundation
import GlossaryKit

struct CorpusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "corpus",
    abstract: "Add, list and check paired corpus documents.",
    discussion: """
      A corpus is any folder of paired files named YYYY-MM-DD-slug.LANG.txt (flat or nested; \
      other files are ignored): first line the title, paragraphs separated by blank lines. An \
      optional YYYY-MM-DD-slug.meta sidecar holds 'key: value' lines (kind, issuer, source, note).

      Examples:
        glossary corpus list
        glossary corpus check --corpus Corpus
        glossary corpus add release.zh.txt release.en.txt --date 2024-05-06 --slug xi-meets-macron --collection talks
      """,
    subcommands: [Add.self, List.self, Check.self]
  )

  struct Location: ParsableArguments {
    @Option(help: "Corpus folder (default: Corpus).") var corpus = "Corpus"
  }

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Copy a document pair into the corpus under its canonical name.")
    @OptionGroup var location: Location
    @Argument(help: "Source-language file.") var source: String
    @Argument(help: "Target-language file.") var target: String
    @Option(help: "Publication date, YYYY-MM-DD.") var date: String
    @Option(help: "Short name: lowercase letters, digits and hyphens.") var slug: String
    @Option(help: "Sub-folder, e.g. phone-calls, talks, joint-statements.") var collection: String?
    @Option(help: "Source language code (guessed from the script when omitted).") var sourceLang: String?
    @Option(help: "Target language code (guessed from the script when omitted).") var targetLang: String?
    @Option(help: "Kind of document for the .meta sidecar (phone-call, talks, joint-statement ...).") var kind: String?
    @Option(help: "Source URL or reference for the .meta sidecar.") var url: String?

    func run() throws {
      var meta: [String: String] = [:]
      if let kind { meta["kind"] = kind }
      if let url { meta["source"] = url }
      let written = try Corpus.add(
        root: location.corpus, source: source, target: target, sourceLanguage: sourceLang, targetLanguage: targetLang,
        date: date, slug: slug, collection: collection, metadata: meta)
      var out = Output()
      for p in written { out.line("added \(p)") }
      try out.finish()
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the documents of a corpus: date, languages, collection, id.")
    @OptionGroup var location: Location
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
      let corpus = try Corpus.scan(location.corpus)
      var out = Output()
      if json {
        struct Row: Encodable { var id, date, collection: String; var languages: [String]; var metadata: [String: String] }
        out.line(try jsonString(corpus.documents.map {
          Row(id: $0.id, date: $0.date.description, collection: $0.collection, languages: $0.languages, metadata: $0.metadata)
        }))
      } else {
        for d in corpus.documents {
          out.line("\(d.date)\t\(d.languages.joined(separator: ","))\t\(d.collection.isEmpty ? "." : d.collection)\t\(d.slug)")
        }
        let paired = corpus.documents.filter { $0.files.count >= 2 }.count
        FileHandle.standardError.write(Data("\(corpus.documents.count) documents, \(paired) paired\n".utf8))
      }
      try out.finish()
    }
  }

  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Report unpaired files, bad encodings, missing or impossible dates, languages that do not fit.",
      discussion: "Exit 0 when clean (warnings allowed), 65 when any error is found.")
    @OptionGroup var location: Location

    func run() throws {
      let corpus = try Corpus.scan(location.corpus)
      let problems = corpus.check(today: ISODate.today())
      var out = Output()
      for p in problems { out.line(p.description) }
      let errors = problems.filter { $0.severity == .error }.count
      out.line("\(corpus.documents.count) documents, \(errors) errors, \(problems.count - errors) warnings")
      try out.finish()
      if errors > 0 { throw ExitCode(ExitStatus.dataError) }
    }
  }
}
