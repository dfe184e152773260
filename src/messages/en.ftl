# Messages showcase prints, in English. Every message here is in zh.ftl too,
# with the same arguments (a test checks it). Ids starting with cli- are the
# help of the command line: cli-COMMAND for a command, cli-COMMAND-ARGUMENT
# for an option or argument.

## What every command may print when it stops

errors-found = showcase: { $count ->
        [one] 1 error found
       *[other] { $count } errors found
    }; nothing was written
usage-problem = showcase: { $message }
io-problem = showcase: cannot { $action } { $path }: { $reason }
io-action = { $action }
io-reason = { $kind ->
        [NotFound] { $detail }
       *[other] { $detail }
    }
severity-error = error
severity-warning = warning
severity-info = info

## build

build-done = showcase: built { $pages } pages ({ $per_language }) and { $files } other files into { $output } in { $seconds } s
build-language-pages = { $lang } { $pages }
build-translations-behind = ; translations: { $behind }
build-language-behind = { $lang } { $missing } missing, { $stale } stale

## check

check-summary = showcase: { $tally }{ $files ->
        [0] {""}
        [one] {" "}in 1 file
       *[other] {" "}in { $files } files
    }; { $what }
check-checked = checked { $pages } pages and { $files } other files
check-not-rendered = the site could not be rendered, so its links were not checked
check-no-problems = no problems
check-errors = { $count ->
        [one] 1 error
       *[other] { $count } errors
    }
check-warnings = { $count ->
        [one] 1 warning
       *[other] { $count } warnings
    }
check-errors-and-warnings = { $errors } and { $warnings }
check-notes = { $problems } ({ $count ->
        [one] 1 note
       *[other] { $count } notes
    })

## casebook

casebook-written = { $file }: { $cases ->
        [one] 1 case
       *[other] { $cases } cases
    }, { $pages } pages ({ $lang })
casebook-done = typeset in { $seconds } s

## status

status-one-language = showcase: the site has one language; there is nothing to translate
status-section = section
status-pages = pages
status-translated = translated
status-stale = stale
status-unstamped = unstamped
status-missing = missing
status-total = total
status-stale-hint = the original changed since; update the translation, then run showcase translated FILE
status-unstamped-hint = no record of the text they were made from; when one matches its original, run showcase translated FILE
status-missing-hint = write these files
status-original = { $file } (original: { $original })
status-findings = editorial findings: { $count }

## translated

translated-recorded = showcase: { $file } is now recorded as up to date with { $original } (translated_from: { $stamp })
translated-already = showcase: { $file } was already recorded as up to date with { $original } (translated_from: { $stamp })

## new

new-created = showcase: created { $files } (drafts{ $kind ->
        [none] {""}
       *[other] , kind { $kind }
    })
new-next = next: replace the placeholder titles and write the text; preview with showcase build --drafts; publish by removing draft: true
new-next-translation = ; when a translation matches its original, run showcase translated { $translation }
list-and = { $first } and { $second }

## theme eject

theme-copied = Copied the built-in theme ({ $files } files) into { $folder }.
theme-in-use = The site now builds with this copy; change its files as you need.
theme-set-it = To build with it, set theme = "{ $name }" in site.toml (it now says "{ $named }").

## init

init-started = Started a site in { $folder } ({ $files } files), in { $languages }.
init-next =
    Next:
      cd { $folder }
      showcase serve        preview it at http://127.0.0.1:1111/ (drafts shown)
      showcase check        check the content
      showcase build        build it into public/
      showcase new case 名称  start a case

    Set base_url and [government] in site.toml; content/cases/example.md is a draft to replace.
    The default theme is built into showcase: put files in templates/, static/ or i18n/ to
    override single files, or run `showcase theme eject` to copy all of it into themes/default/.
init-no-releases =
    This showcase was not built by the release workflow, so the publishing workflows
    (.github/workflows/pages.yml, .gitlab-ci.yml) download from { $placeholder }:
    set SHOWCASE_RELEASES in them to the address of the showcase releases.

## serve

serve-serving = showcase: serving { $url } from memory; watching { $folder } for changes (Ctrl-C stops)
serve-open-bind = showcase: warning: listening on { $address }, so anyone who can reach this machine can read the site; --bind 127.0.0.1 keeps it to this machine
serve-nothing-changed = showcase: rebuilt in { $seconds } s; nothing changed
serve-built = showcase: built { $files } files in { $seconds } s
serve-rebuilt = showcase: rebuilt { $changed ->
        [one] 1 changed file
       *[other] { $changed } changed files
    } in { $seconds } s{ $fixed ->
        [yes] ; the errors are fixed
       *[no] {""}
    }
serve-errors = showcase: { $count ->
        [one] 1 error
       *[other] { $count } errors
    }; { $served ->
        [yes] still serving the last good build; the pages show the errors until they are fixed
       *[no] the pages show the errors until they are fixed
    }
serve-no-browser = showcase: could not open a browser ({ $reason }); open { $url } yourself
serve-overlay-heading = showcase: { $count ->
        [one] 1 error
       *[other] { $count } errors
    } in the site{ $served ->
        [yes] ; until it is fixed, the preview shows the last version built without errors
       *[no] ; it could not be built
    }
serve-overlay-fix = Fix the file and save it: this page reloads by itself.
serve-overlay-problem = { $severity }: { $message }

## Front matter (the lines between --- at the top of a page)

fm-yaml = front matter is not valid YAML: { $detail }
fm-unknown-field = unknown field "{ $field }"; put free-form data for themes under extra:
fm-unknown-field-like = unknown field "{ $field }"; did you mean "{ $like }"?
fm-unknown-term = unknown { $field } "{ $term }"; site.toml defines: { $terms }
fm-unknown-term-like = unknown { $field } "{ $term }"; did you mean "{ $like }"?
fm-no-title = title is missing; add a line "title: …" to the front matter
fm-expires-before-date = expires: { $expires } is before date: { $date }, so the page would never be published; correct one of them

## Translations (check)

check-untranslated-page = this page has no { $lang ->
       *[other] { $name }
    } version ({ $file } beside it); { $name } readers get the original with a notice
check-untranslated-skipped = this page has no { $lang ->
       *[other] { $name }
    } version ({ $file } beside it); the { $name } site leaves it out
check-untranslated-section = this page has no { $lang ->
       *[other] { $name }
    } version ({ $file } beside it); its pages have no { $name } list
check-stale = { $original } has changed since this translation was made; bring the translation up to date, then run showcase translated { $translation }
check-unstamped = this translation does not record which text of { $original } it was made from, so a change there cannot be noticed; when it matches, run showcase translated { $translation }

## The command line's help

cli = Builds bilingual case-study websites from Markdown
cli-help = Print help
cli-version = Print version
cli-lang = The language of showcase's messages: zh or en [default: the locale, else the site's language]
cli-usage-heading = Usage
cli-commands-heading = Commands
cli-options-heading = Options
cli-arguments-heading = Arguments
cli-help-command = Print this message or the help of the given command
cli-values = {" "}[possible values: { $values }]
cli-default = {" "}[default: { $value }]
cli-build = Build the site into its output folder (public/ by default).
cli-build-root = The site's folder, which holds site.toml.
cli-build-output = Where to write the site [default: <root>/public].
cli-build-base_url = Use this base URL instead of site.toml's, for a preview deployment.
cli-build-drafts = Include pages marked draft: true.
cli-build-future = Include pages dated after today, which are otherwise published on their date.
cli-check = Check the site without writing anything: content, templates, links, anchors, images.
cli-check-root = The site's folder, which holds site.toml.
cli-check-format = How to print the problems: text grouped by file, or one JSON document.
cli-check-strict = Fail (exit 1) on warnings too, not only on errors.
cli-check-external = Also check outbound http(s) links over the network.
cli-check-timeout = Seconds to wait for each outbound link with --external.
cli-check-base_url = Check the site as published at this base URL instead of site.toml's.
cli-check-drafts = Include pages marked draft: true.
cli-check-future = Include pages dated after today, to check them before their date.
cli-new = Scaffold new content: `showcase new case NAME`.
cli-new-case = A case in every language of the site, with the standard outline, as drafts.
cli-new-case-name = The case's name; it becomes the file name (Chinese becomes pinyin).
cli-new-case-kind = The kind of case, a term of site.toml's kind taxonomy [default: the most common in --section].
cli-new-case-section = The section's folder in content/ [default: the section with most cases of --kind, else the catalogue's].
cli-new-case-root = The site's folder, which holds site.toml.
cli-translated = Record that translations are up to date with their originals.
cli-translated-files = The translations to stamp, such as content/cases/ximalaya.en.md.
cli-translated-root = The site's folder [default: the nearest folder above FILE with a site.toml].
cli-status = Print, per section, how many pages are translated, stale or missing.
cli-status-root = The site's folder, which holds site.toml.
cli-status-drafts = Count pages marked draft: true too.
cli-status-lint = Also list the editorial findings (punctuation, glossary) of every file.
cli-serve = Build the site into memory, serve it, and rebuild and reload the browser on every change.
cli-serve-root = The site's folder, which holds site.toml.
cli-serve-port = The port to listen on.
cli-serve-bind = The address to listen on; anything but a loopback address lets other machines read the site.
cli-serve-open = Open the site in the default browser once it is served.
cli-serve-no_drafts = Leave out pages marked draft: true (served by default, marked as drafts).
cli-init = Start a new site in an empty folder: it builds, checks clean and serves at once.
cli-init-dir = The folder of the new site; it must be empty or not exist yet.
cli-init-lang = The site's languages, the default language first: zh,en | en,zh | zh | en.
cli-casebook = Typeset the cases as a printable PDF per language (典型案例汇编), or one case as a leaflet.
cli-casebook-root = The site's folder, which holds site.toml.
cli-casebook-lang = The languages to print, by code, separated by commas [default: every language of the site].
cli-casebook-section = Print only the cases of this section (a folder of content/); may be given more than once.
cli-casebook-case = Print one case as a leaflet: a Markdown file of content/.
cli-casebook-output = The PDF to write; with several languages, the language goes before its extension [default: casebook.<lang>.pdf in the current folder].
cli-theme = Work with the theme built into showcase: `showcase theme eject`.
cli-theme-eject = Copy the built-in theme into themes/NAME/ to change more than single files.
cli-theme-eject-name = The new theme's folder name in themes/.
cli-theme-eject-root = The site's folder, which holds site.toml.

## The editing desk (serve --edit)
cli-serve-edit = Add the editing desk at /_edit/: edit, create and translate cases in the browser.
desk-serving = showcase: editing desk at { $url } (open this address: it holds this run's key)
desk-open-bind = showcase: warning: the editing desk is reachable from the network on { $address }; anyone who has its address can change the site's files; --bind 127.0.0.1 keeps it to this machine
desk-refused-host = 403: the editing desk only answers to this machine's own address (localhost or 127.0.0.1).
desk-refused-token = This address lacks the desk's key. Open the address that "showcase serve --edit" printed when it started.
desk-refused-origin = 403: this form was not sent from the editing desk itself.
desk-refused-path = The desk cannot write "{ $file }": it writes only Markdown files and images inside the content folder.
desk-refused-name = The name "{ $name }" is reserved on Windows or has a character a file name cannot have; choose another name.
desk-not-found = This page of the editing desk does not exist.
desk-no-file = There is no file content/{ $file }; it may have been moved or deleted.
desk-unreadable = content/{ $file } cannot be shown as a form: line { $line }: { $message }. Fix it in a text editor, then reload this page.
desk-title = Editing desk
desk-nav = Desk menu
desk-all-cases = All cases
desk-new-case = New case
desk-open-site = Open the site
desk-state-original = original
desk-state-current = up to date
desk-state-stale = needs updating
desk-state-unstamped = not yet checked
desk-state-missing = missing
desk-state-orphan = no original
desk-versions = Languages of this case
desk-mark-current = Mark the translation up to date
desk-original = The original
desk-about = About the case
desk-field-title = Title
desk-field-summary = Summary (one or two sentences for lists and search)
desk-field-organisation = Organisation
desk-field-date = Date
desk-field-source = Source of the information
desk-field-level = Level
desk-level-none = (not set)
desk-level-municipal = Municipal
desk-level-district = District
desk-field-draft = Draft: not published yet
desk-field-section = Section
desk-cover = Cover image
desk-field-cover-src = Image file (in the case's folder)
desk-field-cover-alt = What the image shows (for readers who cannot see it)
desk-figures = Key figures
desk-figures-hint = A number and what it counts, such as 10 and "enterprises". Leave a row empty to remove it.
desk-figure-value = Number
desk-figure-label = What it counts
desk-body = Text of the case
desk-toolbar = Formatting
desk-tool-heading = Heading
desk-tool-bold = Bold
desk-tool-list = List
desk-tool-link = Link
desk-tool-table = Table
desk-upload = Add an image
desk-upload-file = Image file (PNG, JPEG, WebP or GIF)
desk-upload-alt = What the image shows
desk-upload-button = Upload and insert
desk-save = Save
desk-saved = Saved. The site is rebuilt; the preview reloads by itself.
desk-stale-file = Not saved: the file was changed on disk after this form was opened. Your text is kept below; copy what you need, then reload the page to see the file as it is now.
desk-fix-fields = Not saved: correct the fields marked below.
desk-write-failed = Not saved: the file could not be written ({ $reason }).
desk-need-title = Write a title.
desk-bad-date = "{ $date }" is not a date; write it as 2024-05-01.
desk-need-alt = Describe what the image shows, for readers who cannot see it.
desk-need-cover = Name the image file of the cover, or clear its description.
desk-need-figure = Each key figure needs both a number and what it counts.
desk-image-too-big = The image is larger than { $limit } MB; make it smaller first.
desk-not-an-image = This file is not a PNG, JPEG, WebP or GIF image.
desk-preview = Preview
desk-new-hint = The case is created in every language of the site, with the standard outline. You fill in the rest on the next page.
desk-create = Create the case
