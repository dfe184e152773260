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
with-context = { $message } ({ $context })
context-rendering = while rendering { $page }
context-and-others = { $context } and { $others } other pages
context-archetype = in the page this archetype makes
usage-in-file = { $file }: { $problem }
today-not-date = { $var }="{ $written }" is not a date; write it as YYYY-MM-DD, or unset it to use today's date
output-locked = another showcase build is writing to { $target }; wait for it to finish, or build into another folder with -o (lock: { $lock })
output-locked-by = another showcase build (process { $process }) is writing to { $target }; wait for it to finish, or build into another folder with -o (lock: { $lock })
output-path-escapes = refusing to write { $path }: the path would leave the output folder; check the slug: and aliases: of the content
output-refused = refusing to write the site to { $target }: { $why ->
        [sources] it holds the site's own sources; choose an output folder such as public
        [inside] it is inside the site's { $folder } folder
        [file] it is a file
       *[other-files] it is a folder with other files in it, not a built site; remove it or choose another folder
    }

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

## links and images in the text ($shown: link, image or argument)

file-overwrites-page = this file would overwrite the page published at { $path }; rename the file
link-unsafe = { $shown ->
        [image] shows the image
        [argument] names
       *[link] links to
    } a "{ $scheme }:" URL, which could run code or leak files on the public site; remove the link or use an https:// address
link-outside = { $shown ->
        [image] shows the image
        [argument] names
       *[link] links to
    } { $target }, which is outside the content folder
link-draft = { $shown ->
        [image] shows the image
        [argument] names
       *[link] links to
    } { $target }, which is a draft; build with --drafts, or remove the link until it is published
link-scheduled = { $shown ->
        [image] shows the image
        [argument] names
       *[link] links to
    } { $target }, which is scheduled for { $date } and not yet published; build with --future, or add the link on or after { $date }
link-expired = { $shown ->
        [image] shows the image
        [argument] names
       *[link] links to
    } { $target }, which expired on { $date } and is taken down; remove the link, or extend the page's expires:
link-no-file = { $shown ->
        [image] shows the image
        [argument] names
       *[link] links to
    } { $target }, which does not exist; check the file name
link-no-version = { $shown ->
        [image] shows the image
        [argument] names
       *[link] links to
    } { $target }, which does not exist
link-no-path = { $shown ->
        [image] shows the image
        [argument] names
       *[link] links to
    } { $target }, which does not exist; check the path (it is relative to this file)
image-unreadable = shows the image { $path }, which cannot be read ({ $reason }); save it again as a JPEG, PNG or WebP file
cover-problem = cover: { $problem }
image-metadata = the image cannot be published without its metadata ({ $reason }); save it again as a JPEG, PNG or WebP file, or remove it
casebook-font-file = site.toml: [casebook] fonts names the file { $file }, which is not in the site's folder ({ $path }); check the path (it is relative to site.toml)
casebook-font-family = site.toml: [casebook] fonts names { $families }, which is not installed (looked in { $folders }); install it, name another family, or name a font file of the site such as "fonts/NotoSerifCJKsc-Regular.otf"
casebook-no-cjk-font = no font with Chinese characters was found for the casebook (tried { $tried }; looked in { $folders }); install one (Debian and Ubuntu: apt install fonts-noto-cjk; Fedora: dnf install google-noto-serif-cjk-fonts; Windows and macOS ship one) or name a font file of the site in site.toml: [casebook] fonts = ["fonts/NotoSerifCJKsc-Regular.otf"]
casebook-not-built = this showcase was built without the casebook; build it with the feature "casebook" (on by default): cargo install --features casebook
casebook-case-no-version = --case { $file }: the case has no { $lang } version, and site.toml's fallback for { $code } is "skip"
casebook-no-preface = [casebook] preface = "{ $path }": there is no such page in content/ (or it is a draft); write the preface there, or remove the line
casebook-no-section = --section { $section }: no cases are in content/{ $section }/{ $hint }; the sections with cases are: { $sections }
casebook-not-a-case = --case { $file }: this page is not a case (a case has a kind in its front matter)
casebook-not-a-page = --case { $file }: this is not a published page of the site; name a Markdown file of its content/ folder that is not a draft
casebook-no-language = --lang { $code }: the site has no such language{ $hint }; its languages are { $codes }
casebook-image-missing = the image { $image } ({ $file }) does not exist, so the casebook cannot print it; check the file name or remove the image
casebook-image-format = the image { $image } is a .{ $ext } file, which the casebook cannot print; use PNG, JPEG, GIF, WebP or SVG
casebook-image-bytes = the image { $image } is { $size } MB, too large to print (at most { $limit } MB); save a smaller copy (3000 pixels wide is plenty for A4)
casebook-image-pixels = the image { $image } is { $width } × { $height } pixels, too large to print (at most { $limit } megapixels); save a smaller copy (3000 pixels wide is plenty for A4)

## editorial findings of check (punctuation and the glossary)

lint-glossary = "{ $variant }" is not how this site renders { $term }; write "{ $rendering }"
lint-zh-dash = "{ $written }" in Chinese text; write the Chinese dash "——"
lint-zh-ellipsis = "{ $written }" in Chinese text; write the Chinese ellipsis "……"
lint-zh-punctuation = ASCII "{ $written }" after a Chinese character; write "{ $instead }"
lint-zh-corner-quotes = corner bracket "{ $written }" in Chinese text; write the quotation mark "{ $instead }"
lint-zh-full-width = full-width "{ $written }" in Chinese text; write "{ $instead }"
lint-chinese-punctuation = Chinese punctuation "{ $written }" in text that is not Chinese; write { $instead }
lint-chinese-brackets = Chinese punctuation "{ $written }" in text that is not Chinese; write quotation marks or italics
lint-range-hyphen = hyphen in the range "{ $range }"; write an en dash: "{ $instead }"
lint-straight-quote = straight { $what ->
        [apostrophe] apostrophe
       *[other] quotation mark
    } { $written } is shown as written; write "{ $instead }"

## check: the site as a whole

check-highlight-contrast = the highlight theme "{ $theme }" has { $count ->
        [one] 1 colour
       *[other] { $count } colours
    } below the { $wanted }:1 contrast WCAG AA asks for (the lowest, { $worst }, is { $ratio }:1); use theme = "{ $instead }", which does
check-empty-section = the section "{ $title }" lists no pages in { $lang }; add pages to it or remove it (an empty column fails site inspections)
check-empty-term = no page has the { $taxonomy } "{ $term }", so its term page would be empty; use it in a case or remove it
check-scheduled = scheduled: published by the first build on or after { $date } (today is { $today }); until then it is left out of the site
check-expired = expired on { $date } and taken down; delete the file, or move expires: later to publish it again
check-expiring = expires on { $date }: the first build after that day takes the page down; move expires: later to keep it
check-future-updated = updated: { $date } is in the future (today is { $today }); correct it
check-missing-alt = the image { $src } has no alt text; describe what it shows, ![…]({ $src }), or mark it as decoration: ![]({ $src } "{ $decorative }")
check-missing-image = shows the image { $url }, which is not a file of this site; check the path, or put the image beside the page and write its file name
check-missing-page = links to { $url }, which is not a page or file of this site; to link to a page, link to its Markdown file (such as ../cases/name.md), so the link follows the page
check-remote-image = the image { $src } is loaded from another site: it has no size (the page moves as it loads), no smaller copies, and that site sees every reader; save it in the page's folder and show it from there
check-template-missing-image = shows the image { $url }, which is not a file of this site; correct the template, or the raw HTML that has it
check-template-missing-page = links to { $url }, which is not a page or file of this site; correct the template, or the raw HTML that has it
check-template-no-alt = the image { $src } has no alt attribute; add alt="…" describing it, or alt="" for decoration
check-menu-missing = the [[menu]] entry links to { $url }, which is not a page or file of this site; correct its url (a path such as "/cases/", which each language gets under its own prefix)
check-outside-base = { $image ->
        [yes] shows the image
       *[no] links to
    } { $url }, which is outside the site's base path { $base }/; in a template write {"{{"} link(path="{ $inside }") {"}}"} so the base path is added
check-on-pages = on { $first }{ $others ->
        [0] {""}
        [one] {" "}and 1 other page
       *[other] {" "}and { $others } other pages
    }
check-external-broken = links to { $url }, which is broken: { $why }; correct or remove the link
check-external-unreachable = links to { $url }, which could not be checked: { $why }
external-why = { $why ->
        [status] the server answered HTTP { $status }
        [timeout] no answer in time
        [no-host] the host name is not found
        [no-connection] the connection failed
        [not-checked] not checked
       *[other] { $detail }
    }
check-anchor-like = links to { $url }, but that page has no anchor "{ $fragment }"; did you mean "#{ $like }"?
check-anchor-no-ids = links to { $url }, but that page has no anchor "{ $fragment }"; that page has no ids at all
check-anchor-ids = links to { $url }, but that page has no anchor "{ $fragment }"; its ids are: { $ids }
check-anchor-many = links to { $url }, but that page has no anchor "{ $fragment }"; set the heading's id by hand with ## Heading {"{"}#id{"}"}

## reading the content

unfinished-title = the title is still the placeholder "{ $title }" written by showcase new; write the page's title (or keep draft: true until it is ready)
unfinished-outline = the outline's placeholder "{ $hint }" written by showcase new is still here; replace it with the text (or keep draft: true until the page is ready)
unfinished-summary = the summary is empty; write one or two sentences after "summary:" (lists and shared links show them), or remove the line to use the first paragraph
content-no-folder = there is no content folder; create content/_index.md for the home page
content-name-not-utf8 = the file name is not valid UTF-8; rename the file
content-symlink = symbolic links are not followed in content/; copy the file instead
content-too-large = the file is { $size } MB, over the limit of { $limit } MB for a Markdown file; split it into several pages or move data out of it
content-not-utf8 = the file is not UTF-8 text; save it with UTF-8 encoding
content-unreadable = cannot read the file: { $reason }
content-bad-language = "{ $code }" in the file name is not a language of the site ({ $codes }); rename the file{ $hint }

## pages and their addresses

link-two-versions = { $other } is also the { $lang } version of this page; keep one of the two files
link-bundle-and-section = a folder cannot be both a page bundle (index.md) and a section (_index.md); rename one of the two files
link-inside-bundle = this file is inside the page bundle { $bundle }; a bundle holds one page and its files, so move it out
link-empty-folder-url = the folder name "{ $name }" gives an empty URL; rename the folder or set slug: in this file
link-no-section-index = { $folder }/ has pages but no _index.md; add { $folder }/_index.md with a title: for the section
link-section-no-version = this { $lang } page's section has no { $lang } version; add { $file }
link-empty-file-url = the file name "{ $name }" gives an empty URL; rename the file or set slug: in its front matter
link-same-address = this page and { $other } would both be published at { $path }; { $slugged ->
        [yes] give one of them another slug:
       *[no] set slug: in one of them (Chinese names become pinyin, so different characters can read alike)
    }
link-notice-address = { $path } is where the { $lang } notice for the untranslated { $original } is published; give this page another slug:
link-alias-taken = alias { $alias } { $what ->
        [page] is the address of
       *[alias] is already an alias of
    } { $other }; remove one of the two
link-case-no-date = this case has no date; add "date: YYYY-MM-DD" to its front matter
link-original-translated-from = translated_from belongs in a translation, and this file is the { $lang } original; remove the line
link-section-draft = a section cannot be a draft; mark its pages as drafts instead

## shortcodes in the text

shortcode-no-end = { $name } encloses no text, so it has no end: remove {"{{"}< /{ $name } >{"}}"}
shortcode-end-too-early = {"{{"}< /{ $name } >{"}}"} comes before the end of {"{{"}< { $open } >{"}}"} ({ $at }): close that one first with {"{{"}< /{ $open } >{"}}"}
shortcode-end-of-nothing = {"{{"}< /{ $name } >{"}}"} ends no {"{{"}< { $name } >{"}}"}: remove it, or write the opening shortcode above the text
shortcode-needs-end = {"{{"}< { $name } >{"}}"} encloses a text and needs an end: write {"{{"}< /{ $name } >{"}}"} on its own line after the text
shortcode-unknown = there is no shortcode "{ $name }"; { $hint }the shortcodes are { $names }; a site adds its own as templates/shortcodes/{ $name }.html
shortcode-unknown-argument = { $name } has no argument "{ $argument }"; { $hint }its arguments are { $names }
shortcode-did-you-mean = did you mean { $like }?{" "}
shortcode-no-arguments = none
list = { $items }
hint-did-you-mean = ; did you mean "{ $like }"?
shortcode-bad-argument = { $name }: { $argument }="{ $value }" { $problem }
shortcode-table-at = in the table shown at { $at }
shortcode-needs-argument = { $name } needs { $argument }="…" ({ $kind }); add it inside {"{{"}< { $name } … >{"}}"}
shortcode-empty-argument = { $name }: { $argument } is empty; write { $kind }
shortcode-not-number = is not a whole number; write digits only, like 640
shortcode-not-choice = is not one of { $words }; write one of these
shortcode-empty-link = is empty; write the file's name or an https:// address
shortcode-not-webvtt = is not a WebVTT captions file: its first line must be WEBVTT (save the captions as .vtt, not .srt)
shortcode-table-unreadable = cannot be read as a table ({ $reason })
shortcode-empty-file = is empty; write the name of a file in the page's folder
shortcode-file-elsewhere = is not a file of the page: the site serves these files itself, from the page's folder (no other site, player or address); copy the file into { $folder }/ and write its name
shortcode-file-outside = is outside the content folder; put the file in { $folder }/
shortcode-file-missing = names { $file }, which does not exist; put the file in { $folder }/ or correct its name
shortcode-kind = { $kind ->
        [number] a whole number
        [link] a link (a file beside the page, a page, or an https:// address)
        [file] the name of a file in the page's folder
        [webvtt] the name of a WebVTT (.vtt) file in the page's folder
        [csv] the name of a CSV file in the page's folder
       *[text] a text
    }
shortcode-kind-choice = one of { $words }
shortcode-no-name = a shortcode needs a name after {"{{"}< (like {"{{"}< figure src="photo.jpg" alt="…" >{"}}"}); to show {"{{"}< as text, put it in `backticks`
shortcode-not-closed = the shortcode { $name } is not closed: end it with >{"}}"}
shortcode-end-arguments = {"{{"}< /{ $name } >{"}}"} takes no arguments; write it as {"{{"}< /{ $name } >{"}}"}
shortcode-unexpected = unexpected "{ $found }" in the shortcode { $name }: arguments are written key="value", separated by spaces
shortcode-no-value = the argument { $key } of { $name } has no value: write { $key }="…"
shortcode-twice = the argument { $key } is given twice to { $name }; keep one
shortcode-chinese-quotes = the value of { $key } is in Chinese quotation marks: use straight double quotes, { $key }="…" (switch the keyboard to English punctuation)
shortcode-quote-value = put the value of { $key } in double quotes: { $key }="…"
shortcode-unclosed-value = the value of { $key } has no closing ": end it with " before >{"}}"}
shortcode-own-line = a shortcode stands on a line of its own: put { $shown } on its own line
csv-unreadable = cannot read the CSV file: { $reason }
csv-not-utf8 = the CSV file is not UTF-8 text; save it as "CSV UTF-8" (in Excel: Save As, then CSV UTF-8)
csv-no-header = the CSV file has no header row: its first line names the columns
csv-ragged = this row has { $cells } cells but the header has { $header }; give every row as many cells as the header (put a cell that contains a comma in double quotes)
csv-bad = the CSV file cannot be read: { $reason }

## the address ledger (addresses.txt)

ledger-started = showcase: started the address ledger { $file } with { $count } addresses; commit it with the content
ledger-gone-count = showcase: { $count } published addresses answer 404 now; showcase check lists them
ledger-moved = redirect: { $address } → { $to } ({ $file })
ledger-successor = redirect: { $address } → { $to } ({ $what } is no longer published)
ledger-was-page = the { $lang } page of { $file }
ledger-was-generated = the { $lang } { $what } page
ledger-was-redirect = a redirect to { $target }
ledger-gone = { $address } was published ({ $what }) and will answer 404: no page has this address now; give a page aliases: ["{ $address }"], or write where it went on this line ("{ $address } -> " and an address of this site, a content file such as cases/new.md, or a URL); delete the line only to let the address go
ledger-not-utf8 = the address ledger is not UTF-8 text; restore it from version control
ledger-unreadable = cannot read the address ledger: { $reason }
ledger-duplicate = { $address } is already on line { $first }; delete one of the two lines
ledger-bad-file = { $address } redirects to { $target }, which is not a content file of this site{ $hint }; name a file as it is in content/ (cases/new.md), an address or a URL
ledger-bad-address = "{ $path }" { $why ->
        [slash] does not start with a single /
       *[plain] is not a plain path
    }; an address is a path on this site, such as /cases/name/
ledger-bad-language = "{ $code }" is not a language of site.toml ({ $codes }); the field after the address is the page's language
ledger-nothing-more = { $address } says nothing more; write where it went ("{ $address } -> /cases/new/") or delete the line
ledger-no-target = a redirect needs a target after ->: an address (/cases/new/), a content file (cases/new.md) or a URL
ledger-bad-target = "{ $target }" is not an address (/cases/new/), a content file (cases/new.md) or a URL (https://…)
ledger-no-closing = "{ $what }" has no closing )
ledger-after-target = a redirect line is ADDRESS -> TARGET; remove what follows the target
ledger-no-file = a page's line is ADDRESS LANG FILE DATE TITLE; the file is missing
ledger-unanswered = { $address } redirects to { $to }, which no page, alias or redirect of this site answers; correct the target (an address such as /cases/new/, a content file such as cases/new.md, or a URL) or delete the line

## site.toml

config-no-site = there is no site.toml in { $folder }; run showcase in a site's folder or pass --root DIR
config-this-folder = this folder
config-toml = { $detail }
config-no-default-language = default_language "{ $code }" has no [languages.{ $code }] table{ $hint }
config-bad-language-code = "{ $code }" is not a language code; use a code such as "zh" or "en"
config-no-label = { $what } has no label in language "{ $code }"; add { $code } = "…"
config-label-other-language = { $what } has a label in "{ $code }", which is not a language of the site{ $hint }
config-taxonomy-reserved = a taxonomy cannot be called "{ $name }": that name is a front-matter field
config-taxonomy-name = taxonomy name "{ $name }" must be lowercase letters, digits and hyphens
config-term-key = term key "{ $key }" must be lowercase letters, digits and hyphens (it becomes a URL)
config-number-range = { $key } must be a whole number from { $least } to { $most }
config-highlight-theme = unknown highlight theme "{ $theme }"{ $hint }; the themes are: { $themes }
config-theme-name = theme "{ $theme }" must be the name of a folder in themes/
config-no-logo = logo = "{ $logo }": there is no such file in the site's static/ folder; put the emblem there (static/emblem.svg) and write logo = "emblem.svg"
config-time-zone = timezone = "{ $zone }" is not a time zone; write an IANA name such as "{ $example }"
config-date-format = date_format "{ $format }" is not valid: { $reason }
config-base-url-scheme = base_url "{ $url }" must start with https:// or http://
config-base-url-host = base_url "{ $url }" has no valid host name
config-base-url-path = base_url "{ $url }" has a path that cannot be a folder of the site
config-catalogue-path = catalogue path "{ $path }" must be folder names of lowercase letters, digits and hyphens, such as "cases"
config-site-code = site_code "{ $code }" must be the ten-character website identification code (网站标识码)
config-police = police "{ $number }" must hold the filing number's digits, such as 沪公网安备 31010702001234号
config-footer-link = footer link "{ $link }" must be a Markdown file in content/, such as "about/site.md"
config-glossary-shape = write it as "产教融合" = {"{"} en = "industry-education integration", avoid = ["integration of industry and education"] {"}"}
config-glossary-avoid = glossary "{ $term }": avoid must be a list of texts; { $shape }
config-glossary-original = glossary "{ $term }": the term itself is the { $lang } text; remove { $key } = …
config-glossary-empty = glossary "{ $term }": { $key } must be non-empty text; { $shape }
config-glossary-key = glossary "{ $term }" has "{ $key }", which is neither a language of the site nor avoid{ $hint }
config-glossary-no-rendering = glossary "{ $term }" lists variants to avoid but no rendering to use instead; { $shape }
config-glossary-both = glossary "{ $term }": "{ $variant }" is both the rendering and a variant to avoid
config-count-not-key = count.{ $field } must be a term key such as "enterprise"
config-count-level = count.level must be "municipal" or "district", not "{ $written }"{ $hint }
config-count-year = count.year must be a year such as 2025, not "{ $written }"
config-count-term = the target counts { $taxonomy } "{ $term }", which site.toml does not define{ $hint }
config-the-terms = ; the terms are: { $terms }
config-count-by = the target counts by "{ $name }", which is neither a taxonomy nor level or year{ $hint }
config-goal = goal must be a whole number from 1 up
config-menu-not-address = { $what }: "{ $url }" is not a web address; write one such as "https://www.shanghai.gov.cn/"
config-menu-plain-path = { $what }: "{ $url }" must be a plain path on the site, such as "/cases/"
config-menu-path = { $what }: "{ $url }" must be a path on the site starting with "/" ("/cases/", the same in every language: English gets "/en/cases/") or an address starting with "https://"
config-what-taxonomy = taxonomy "{ $name }"
config-what-term = term "{ $key }" of taxonomy "{ $name }"
config-what-publisher = publisher
config-what-catalogue = the catalogue
config-what-menu = menu entry { $number } (url = "{ $url }")
config-what-target = a target

## new and translated: what went wrong

new-empty-name = the name "{ $name }" gives an empty file name; use letters, digits or Chinese characters
new-taken = { $files } already { $count ->
        [one] exists
       *[other] exist
    }; showcase new never overwrites a case: choose another name, or edit the existing files
new-no-content = there is no content folder in { $root }; create content/_index.md for the home page first
new-no-kinds = --kind { $kind }: site.toml defines no kind taxonomy; add [taxonomies.kind] or leave out --kind
new-unknown-kind = unknown kind "{ $kind }"{ $hint } (site.toml defines: { $kinds })
new-kind-from-section = content/{ $section }/ has no cases to take the kind from; say which kind with --kind K (one of: { $kinds })
new-which-kind = say which kind of case it is with --kind K (one of: { $kinds })
new-cases = cases
new-cases-of = { $kind } cases
new-which-section = no section holds { $what } yet; choose one with --section S ({ $sections })
new-no-section = there is no section { $section }{ $hint } (to make one, create { $index } with a title: line; { $sections })
new-section-incomplete = the section { $section } has no { $missing }, so its new page would not build; create it with a title: line first
new-no-sections = the site has no sections yet
new-sections = sections: { $sections }
translated-no-site = { $file } is not inside a site's content folder (no site.toml above it); pass --root DIR
translated-outside = { $file } is not in { $content }; showcase translated stamps translations in the site's content folder
translated-not-markdown = { $file } is not a Markdown file; pass a translation such as content/cases/ximalaya.en.md
translated-original = { $file } is in the default language ({ $lang }): it is the original; pass its translation, such as { $example }
translated-no-original = { $file } has no original: there is no { $first } (nor { $second })
translated-two-originals = { $file } has two originals, { $first } and { $second }; keep one of the two files

## init: what went wrong

init-unknown-language = --lang: the built-in theme has no UI strings for "{ $lang }"; choose from { $langs } (such as --lang zh,en)
init-language-twice = --lang names "{ $lang }" twice
init-no-language = --lang needs at least one language, such as --lang zh,en
init-not-empty = { $folder } is not empty (it holds { $name }); showcase init starts a site only in an empty or new folder, so nothing there is overwritten: give a new folder, such as showcase init my-site
init-is-a-file = { $folder } is a file; showcase init needs an empty or new folder
init-cannot-stamp = the page { $page } cannot be stamped as translated

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
theme-bad-name = "{ $name }" cannot name a theme: use a folder name without / or \, such as "default" or "district"
theme-not-a-site = { $folder } is not a site's folder: it has no site.toml; run this in the site's folder, or give --root
theme-exists = { $folder } already exists; remove it or name another theme (showcase theme eject NAME)

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

serve-io = cannot { $action } it: { $reason }
serve-no-site = { $folder } has no site.toml; run showcase serve in a site's folder, or name it with --root
serve-cannot-watch = cannot watch { $folder } for changes: { $reason }
serve-watcher-closed = stopped watching for changes: the watcher closed
serve-cannot-listen = cannot listen on { $address }: { $reason }; is another showcase serve running? Choose another port with --port
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
fm-yaml-plain = front matter is not valid YAML: { $kind ->
        [colon] there is a ": " (a colon and a space) in a value; put the whole value in double quotes, such as title: "Park: a case"; if this line is a field of its own, start it at the beginning of the line
        [tab] a tab in the indentation; indent with spaces
        [bracket] a "[" is not closed; end the list with "]"
        [brace] a "{"{"}" is not closed; end it with "{"}"}"
        [quote] a quotation mark is not closed; end the value with the same quotation mark
        [twice] the field { $key } is written twice; keep one of the two lines
        [no-colon] this line is not "field: value"; write the field's name, a colon and a space, then the value
        [character] the value starts with a character YAML keeps for itself (such as ` @ % & *); put the whole value in double quotes
       *[indent] this line does not line up with the fields above; start a field at the beginning of the line, and a list item with "- " under its field
    }
fm-unknown-field = unknown field "{ $field }"; put free-form data for themes under extra:
fm-unknown-field-like = unknown field "{ $field }"; did you mean "{ $like }"?
fm-unknown-term = unknown { $field } "{ $term }"; site.toml defines: { $terms }
fm-unknown-term-like = unknown { $field } "{ $term }"; did you mean "{ $like }"?
fm-no-title = title is missing; add a line "title: …" to the front matter
fm-expires-before-date = expires: { $expires } is before date: { $date }, so the page would never be published; correct one of them
fm-missing = the file does not start with front matter; begin it with a line "---", then "title: …", then another "---"
fm-not-closed = the front matter opened on line 1 is never closed; add a line "---" after it
fm-too-large = the front matter is { $size } KB, over the limit of { $limit } KB; move the data into the text of the page or a file beside it
fm-too-many-brackets = the front matter has more than { $limit } "[" and "{"{"}"; write long lists one "- item" per line
fm-not-fields = front matter must be a list of "field: value" lines
fm-field-name-not-text = front matter field names must be text
# A name written as it is (a key of site.toml, a folder).
as-written = { $text }
field-label = { $field }
fm-title-empty = title must be non-empty text
fm-bad-stamp = translated_from must be the short hash that "showcase translated" writes, such as 3f2a9c1, not "{ $raw }"; run showcase translated on this file
fm-not-a-date = { $field } must be a date written as YYYY-MM-DD, such as 2021-01-12
fm-bad-level = level must be "municipal" or "district"{ $not }{ $hint }
fm-level-not = , not "{ $written }"
fm-yes-no = { $field } must be true or false; "{ $written }" is text in YAML 1.2, write { $field }: { $instead }
fm-not-boolean = { $field } must be true or false
fm-not-number = { $field } must be a whole number
fm-not-text = { $field } must be text
fm-aliases-not-list = aliases must be a list of paths, such as ["/old/path/"]
fm-year = year is derived from date; remove this field
fm-terms-not-list = { $field } must be a term key or a list of them, such as [{ $example }]
fm-bad-date = { $field }: "{ $written }" is not a date; write it as YYYY-MM-DD, such as 2021-01-12
fm-extra-unusable = extra cannot be used by templates: { $reason }
fm-cover-shape = cover must be {"{"}src: image.jpg, alt: what the image shows{"}"}
fm-cover-unknown = cover has no field "{ $field }"{ $hint }; { fm-cover-shape }
fm-cover-no-src = cover has no src; { fm-cover-shape }
fm-cover-no-alt = cover has no alt text; describe the image for readers who cannot see it: alt: …
fm-highlights-shape = highlights must be a list of {"{"}value: …, label: …{"}"}
fm-highlight-unknown = a highlight has no field "{ $field }"{ $hint }; { fm-highlights-shape }
fm-highlight-incomplete = each highlight needs both value and label; { fm-highlights-shape }
fm-bad-alias = alias "{ $alias }" { $why ->
        [slash] must start with /
        [character] has a character a path cannot have
        [dots] may not contain . or .. segments
       *[empty] has an empty segment
    }; an alias is a path on this site, such as /old/path/
slug-empty = slug is empty
slug-dot = slug "{ $slug }" may not start with a dot
slug-character = slug "{ $slug }" contains "{ $character }"; use letters, digits, hyphens, underscores and dots only (one URL segment)

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

usage-with-help = showcase: { $problem }
    { $command } --help lists what it takes.
usage-extra-argument = { $argument } is not expected here
usage-unknown-option = there is no option { $option }{ $hint }
usage-unknown-command = there is no command { $command }{ $hint }
usage-bad-value = { $value } is not a value of { $option }; write one of { $values }
usage-invalid = { $value } is not a valid value of { $option }
usage-missing = { $arguments } must be given
usage-no-command = say what to do: a command such as build, check, serve or new
usage-conflict = { $option } cannot be used with { $other }

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
desk-no-token = cannot make the editing desk's key: { $reason }
desk-refused-host = 403: the editing desk only answers to this machine's own address (localhost or 127.0.0.1).
desk-refused-token = This address lacks the desk's key. Open the address that "showcase serve --edit" printed when it started.
desk-refused-origin = 403: this form was not sent from the editing desk itself.
desk-refused-path = The desk cannot write "{ $file }": it writes only Markdown files and images inside the content folder.
desk-refused-name = The name "{ $name }" is reserved on Windows or has a character a file name cannot have; choose another name.
desk-not-found = This page of the editing desk does not exist.
desk-no-file = There is no file content/{ $file }; it may have been moved or deleted.
desk-fix-heading = This file's front matter needs fixing
desk-fix-where = The problem, on line { $line }
desk-fix-source = The whole file
desk-fix-hint = The lines between the two "---" at the top hold the fields, one "field: value" per line. Correct the line shown above, then save: the file opens as a form again once it can be read.
desk-broken-heading = { $count ->
        [one] 1 file needs fixing
       *[other] { $count } files need fixing
    }
desk-broken-hint = These files are not published until their front matter is put right. Open one to see the problem and fix it here.
desk-broken-why = line { $line }: { $message }
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
desk-start-translation = Start the { $lang } version (a draft copy of the original)
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
