# showcase 输出的中文信息。这里的每条信息在 en.ftl 中也有，参数相同（由测试检查）。
# 以 cli- 开头的是命令行帮助：cli-命令 是命令的说明，cli-命令-参数 是选项或参数的说明。

## 各命令停止时可能输出的信息

errors-found = showcase：发现 { $count } 个错误，未写入任何文件
usage-problem = showcase：{ $message }
io-problem = showcase：无法{ $action } { $path }：{ $reason }
io-action = { $action ->
        [read] 读取
        [write] 写入
        [create] 创建
        [remove] 删除
        [replace] 替换
        [clean] 清理
        [lock] 锁定
        [find] 找到
       *[other] 处理
    }
io-reason = { $kind ->
        [NotFound] 文件或文件夹不存在
        [PermissionDenied] 没有权限
        [AlreadyExists] 已经存在
        [StorageFull] 磁盘空间已满
        [ReadOnlyFilesystem] 磁盘是只读的
        [IsADirectory] 这是一个文件夹，不是文件
        [NotADirectory] 这不是文件夹
        [DirectoryNotEmpty] 文件夹不是空的
        [InvalidData] 内容无法读取（{ $detail }）
       *[other] { $detail }
    }
severity-error = 错误
severity-warning = 警告
severity-info = 提示
with-context = { $message }（{ $context }）
context-rendering = 渲染 { $page } 时
context-and-others = { $context }，另有 { $others } 个页面出现同样的问题
context-archetype = 在这个页面模板生成的页面中
usage-in-file = { $file }：{ $problem }
today-not-date = { $var }="{ $written }" 不是日期；请写成 YYYY-MM-DD，或删去这个环境变量以使用今天的日期
output-locked = 另一个 showcase 正在向 { $target } 写入网站；请等它完成，或用 -o 写入另一个文件夹（锁文件：{ $lock }）
output-locked-by = 另一个 showcase（进程 { $process }）正在向 { $target } 写入网站；请等它完成，或用 -o 写入另一个文件夹（锁文件：{ $lock }）
output-path-escapes = 拒绝写入 { $path }：这个路径会跑到输出文件夹之外；请检查内容中的 slug:（网址名）和 aliases:（旧地址）
output-refused = 拒绝把网站写入 { $target }：{ $why ->
        [sources] 那里存放着网站自己的源文件；请选择一个输出文件夹，例如 public
        [inside] 它在网站的 { $folder } 文件夹里面
        [file] 它是一个文件
       *[other-files] 这个文件夹里有别的文件，不是生成的网站；请删掉它或选择另一个文件夹
    }

## build（生成网站）

build-done = showcase：已生成 { $pages } 个页面（{ $per_language }）和 { $files } 个其他文件，输出到 { $output }，用时 { $seconds } 秒
build-language-pages = { $lang } { $pages }
build-translations-behind = ；译文：{ $behind }
build-language-behind = { $lang } 缺 { $missing } 篇，{ $stale } 篇待更新

## check（检查网站）

check-summary = showcase：{ $files ->
        [0] {""}
       *[other] { $files } 个文件中有{" "}
    }{ $tally }；{ $what }
check-checked = 已检查 { $pages } 个页面和 { $files } 个其他文件
check-not-rendered = 网站未能生成，因此没有检查其中的链接
check-no-problems = 没有发现问题
check-errors = { $count } 个错误
check-warnings = { $count } 个警告
check-errors-and-warnings = { $errors }、{ $warnings }
check-notes = { $problems }（{ $count } 条提示）

## casebook

casebook-written = { $file }：{ $cases } 个案例，{ $pages } 页（{ $lang }）
casebook-done = 排版用时 { $seconds } 秒

## links and images in the text ($shown: link, image or argument)

file-overwrites-page = 这个文件会覆盖发布在 { $path } 的页面；请给文件改个名字
link-unsafe = { $shown ->
        [image] 图片地址是
        [argument] 参数指向
       *[link] 链接指向
    }以“{ $scheme }:”开头的地址，这种地址可能在公开网站上运行代码或泄露文件；请删去这个链接，或改用 https:// 地址
link-outside = { $shown ->
        [image] 图片地址
        [argument] 参数指向
       *[link] 链接指向
    } { $target }，它在 content 文件夹之外；请指向 content/ 中的文件
link-draft = { $shown ->
        [image] 图片地址
        [argument] 参数指向
       *[link] 链接指向
    } { $target }，但它还是草稿；请用 --drafts 生成，或在它发布之前先删去这个链接
link-scheduled = { $shown ->
        [image] 图片地址
        [argument] 参数指向
       *[link] 链接指向
    } { $target }，它定于 { $date } 发布，现在还没有发布；请用 --future 生成，或在 { $date } 当天或之后再加这个链接
link-expired = { $shown ->
        [image] 图片地址
        [argument] 参数指向
       *[link] 链接指向
    } { $target }，它已于 { $date } 到期下线；请删去这个链接，或推迟那个页面的下线日期（expires:）
link-no-file = { $shown ->
        [image] 图片地址
        [argument] 参数指向
       *[link] 链接指向
    } { $target }，但没有这个文件；请检查文件名
link-no-version = { $shown ->
        [image] 图片地址
        [argument] 参数指向
       *[link] 链接指向
    } { $target }，但没有这个文件
link-no-path = { $shown ->
        [image] 图片地址
        [argument] 参数指向
       *[link] 链接指向
    } { $target }，但没有这个文件或文件夹；请检查路径（路径相对于本文件所在的文件夹）
image-unreadable = 图片 { $path } 无法读取（{ $reason }）；请重新保存为 JPEG、PNG 或 WebP 格式
cover-problem = 封面图（cover）：{ $problem }
image-metadata = 去掉元数据后无法发布这张图片（{ $reason }）；请重新保存为 JPEG、PNG 或 WebP 格式，或删去它
casebook-font-file = site.toml：[casebook] fonts 指定的字体文件 { $file } 不在网站文件夹中（{ $path }）；请检查路径（相对于 site.toml）
casebook-font-family = site.toml：[casebook] fonts 指定的 { $families } 没有安装（查找了 { $folders }）；请安装它、换一种字体，或指定网站中的字体文件，例如 "fonts/NotoSerifCJKsc-Regular.otf"
casebook-no-cjk-font = 没有找到含汉字的字体，无法排印案例汇编（试过 { $tried }；查找了 { $folders }）；请安装一种（Debian 和 Ubuntu：apt install fonts-noto-cjk；Fedora：dnf install google-noto-serif-cjk-fonts；Windows 和 macOS 自带），或在 site.toml 中指定网站中的字体文件：[casebook] fonts = ["fonts/NotoSerifCJKsc-Regular.otf"]
casebook-not-built = 这个 showcase 编译时没有包含案例汇编；请带上 "casebook" 功能编译（默认包含）：cargo install --features casebook
casebook-case-no-version = --case { $file }：这个案例没有{ $lang }版本，而 site.toml 中 { $code } 的 fallback 是 "skip"
casebook-no-preface = [casebook] preface = "{ $path }"：content/ 中没有这个页面（或它是草稿）；请在那里写好前言，或删去这一行
casebook-no-section = --section { $section }：content/{ $section }/ 中没有案例{ $hint }；有案例的栏目是：{ $sections }
casebook-not-a-case = --case { $file }：这个页面不是案例（案例的页首信息里有 kind）
casebook-not-a-page = --case { $file }：这不是网站已发布的页面；请给出 content/ 中一个不是草稿的 Markdown 文件
casebook-no-language = --lang { $code }：网站没有这种语言{ $hint }；网站的语言有 { $codes }
casebook-image-missing = 图片 { $image }（{ $file }）不存在，案例汇编无法印出它；请检查文件名，或删去这张图片
casebook-image-format = 图片 { $image } 是 .{ $ext } 文件，案例汇编无法印出；请使用 PNG、JPEG、GIF、WebP 或 SVG 格式
casebook-image-bytes = 图片 { $image } 有 { $size } MB，太大，无法印刷（最多 { $limit } MB）；请另存一份较小的（A4 纸宽 3000 像素已足够）
casebook-image-pixels = 图片 { $image } 有 { $width } × { $height } 像素，太大，无法印刷（最多 { $limit } 百万像素）；请另存一份较小的（A4 纸宽 3000 像素已足够）

## editorial findings of check (punctuation and the glossary)

lint-glossary = 本站的 { $term } 统一写作“{ $rendering }”，请把“{ $variant }”改为“{ $rendering }”
lint-zh-dash = 中文里的“{ $written }”应写作中文破折号“——”
lint-zh-ellipsis = 中文里的“{ $written }”应写作中文省略号“……”
lint-zh-punctuation = 汉字后面用了半角标点“{ $written }”，应写作全角的“{ $instead }”
lint-zh-corner-quotes = 中文里的直角引号“{ $written }”应改为引号“{ $instead }”
lint-zh-full-width = 中文里的全角字母或数字“{ $written }”应写作半角的“{ $instead }”
lint-chinese-punctuation = 非中文的文字里用了中文标点“{ $written }”，应写作 { $instead }
lint-chinese-brackets = 非中文的文字里用了中文标点“{ $written }”，应改用引号或斜体
lint-range-hyphen = 数字范围“{ $range }”用了连字符，应写作连接号：“{ $instead }”
lint-straight-quote = { $what ->
        [apostrophe] 直撇号
       *[other] 直引号
    } { $written } 会原样显示，应写作“{ $instead }”

## check: the site as a whole

check-highlight-contrast = 代码高亮主题“{ $theme }”有 { $count } 种颜色达不到 WCAG AA 要求的 { $wanted }:1 对比度（最低的 { $worst } 只有 { $ratio }:1）；请改用 theme = "{ $instead }"，它符合要求
check-empty-section = 栏目“{ $title }”在{ $lang }版中没有任何页面；请为它添加页面，或删除这个栏目（空栏目在网站检查中不合格）
check-empty-term = 没有页面使用{ $taxonomy }中的“{ $term }”，它的分类页会是空的；请在案例中使用它，或把它删除
check-scheduled = 定时发布：在 { $date } 当天或之后的第一次生成时发布（今天是 { $today }）；在此之前不会出现在网站上
check-expired = 已于 { $date } 到期下线；请删除这个文件，或推迟下线日期（expires:）以重新发布
check-expiring = 将于 { $date } 到期：那天之后的第一次生成会把页面撤下；如需保留，请推迟下线日期（expires:）
check-future-updated = 更新日期（updated:）{ $date } 在将来（今天是 { $today }）；请改正
check-missing-alt = 图片 { $src } 没有替代文字；请描述图片的内容：![…]({ $src })，如果只是装饰，请标记为装饰图片：![]({ $src } "{ $decorative }")
check-missing-image = 图片 { $url } 不是本站的文件；请检查路径，或把图片放在页面旁边并写上它的文件名
check-missing-page = 链接指向 { $url }，它不是本站的页面或文件；要链接到一个页面，请链接它的 Markdown 文件（如 ../cases/name.md），这样页面改地址时链接也会跟着改
check-remote-image = 图片 { $src } 是从别的网站载入的：它没有尺寸（载入时页面会跳动），没有缩小的版本，而且那个网站能看到每一位读者；请把图片保存到页面所在的文件夹，再从那里显示
check-template-missing-image = 显示的图片 { $url } 不是本站的文件；请改正模板，或含有它的 HTML
check-template-missing-page = 链接指向 { $url }，它不是本站的页面或文件；请改正模板，或含有它的 HTML
check-template-no-alt = 图片 { $src } 没有 alt 属性；请加上描述图片内容的 alt="…"，装饰性图片则写 alt=""
check-menu-missing = 菜单 [[menu]] 中的一项链接到 { $url }，它不是本站的页面或文件；请改正它的 url（例如 "/cases/" 这样的路径，各语言会自动加上自己的前缀）
check-outside-base = { $image ->
        [yes] 显示的图片
       *[no] 链接指向
    } { $url } 在网站的基础路径 { $base }/ 之外；请在模板中写 {"{{"} link(path="{ $inside }") {"}}"}，这样会自动加上基础路径
check-on-pages = { $others ->
        [0] 在 { $first }
       *[other] 在 { $first } 及另外 { $others } 个页面
    }
check-external-broken = 链接指向 { $url }，这个链接已失效：{ $why }；请改正或删去这个链接
check-external-unreachable = 链接指向 { $url }，无法检查：{ $why }
external-why = { $why ->
        [status] 服务器返回 HTTP { $status }
        [timeout] 没有及时回应
        [no-host] 找不到这个主机名
        [no-connection] 连接失败
        [not-checked] 没有检查
       *[other] { $detail }
    }
check-anchor-like = 链接指向 { $url }，但那个页面没有锚点“{ $fragment }”；您是否想写“#{ $like }”？
check-anchor-no-ids = 链接指向 { $url }，但那个页面没有锚点“{ $fragment }”；那个页面没有任何锚点
check-anchor-ids = 链接指向 { $url }，但那个页面没有锚点“{ $fragment }”；它的锚点有：{ $ids }
check-anchor-many = 链接指向 { $url }，但那个页面没有锚点“{ $fragment }”；可以这样给标题指定锚点：## 标题 {"{"}#id{"}"}

## reading the content

unfinished-title = 标题还是 showcase new 写下的占位文字“{ $title }”；请写上页面的标题（在准备好之前，可以保留 draft: true）
unfinished-outline = 提纲的占位文字“{ $hint }”（由 showcase new 写下）还在这里；请换成正文（在准备好之前，可以保留 draft: true）
unfinished-summary = 摘要是空的；请在“summary:”后面写一两句话（列表和分享链接会显示它），或删去这一行，改用第一段作摘要
content-no-folder = 没有 content 文件夹；请创建 content/_index.md 作为首页
content-name-not-utf8 = 文件名不是有效的 UTF-8；请给文件改名
content-symlink = content/ 中的符号链接不会被读取；请复制文件本身
content-too-large = 文件大小 { $size } MB，超过了 Markdown 文件 { $limit } MB 的上限；请分成几个页面，或把数据移出去
content-not-utf8 = 文件不是 UTF-8 编码的文本；请用 UTF-8 编码保存
content-unreadable = 无法读取这个文件：{ $reason }
content-bad-language = 文件名中的“{ $code }”不是网站的语言（{ $codes }）；请给文件改名{ $hint }

## pages and their addresses

link-two-versions = { $other } 也是这个页面的{ $lang }版本；两个文件只能保留一个
link-bundle-and-section = 一个文件夹不能既是页面包（index.md）又是栏目（_index.md）；请给其中一个文件改名
link-inside-bundle = 这个文件在页面包 { $bundle } 里面；一个页面包只放一个页面和它的文件，请把它移出来
link-empty-folder-url = 文件夹名“{ $name }”得不到网址；请给文件夹改名，或在这个文件里设置 slug:（网址名）
link-no-section-index = { $folder }/ 里有页面，但没有 _index.md；请添加 { $folder }/_index.md，写上栏目的标题（title:）
link-section-no-version = 这个{ $lang }页面所在的栏目没有{ $lang }版本；请添加 { $file }
link-empty-file-url = 文件名“{ $name }”得不到网址；请给文件改名，或在前言（front matter）里设置 slug:（网址名）
link-same-address = 这个页面和 { $other } 会发布在同一个网址 { $path }；{ $slugged ->
        [yes] 请给其中一个换一个 slug:（网址名）
       *[no] 请在其中一个里设置 slug:（网址名）（中文名会转成拼音，不同的字可能读音相同）
    }
link-notice-address = { $path } 是未翻译的 { $original } 的{ $lang }提示页的网址；请给这个页面换一个 slug:（网址名）
link-alias-taken = 别名 { $alias } { $what ->
        [page] 是
       *[alias] 已经是
    } { $other } 的{ $what ->
        [page] 网址
       *[alias] 别名
    }；请删去其中一个
link-case-no-date = 这个案例没有日期；请在前言（front matter）里加上“date: YYYY-MM-DD”
link-original-translated-from = translated_from 只用于译文，而这个文件是{ $lang }原文；请删去这一行
link-section-draft = 栏目不能是草稿；请把栏目里的页面标记为草稿

## shortcodes in the text

shortcode-no-end = { $name } 不包含文字，所以没有结束标记：请删去 {"{{"}< /{ $name } >{"}}"}
shortcode-end-too-early = {"{{"}< /{ $name } >{"}}"} 出现在 {"{{"}< { $open } >{"}}"}（{ $at }）结束之前：请先用 {"{{"}< /{ $open } >{"}}"} 结束那一个
shortcode-end-of-nothing = {"{{"}< /{ $name } >{"}}"} 前面没有对应的 {"{{"}< { $name } >{"}}"}：请删去它，或在文字上方写上开始的短代码
shortcode-needs-end = {"{{"}< { $name } >{"}}"} 包含一段文字，需要结束标记：请在文字后面单独一行写 {"{{"}< /{ $name } >{"}}"}
shortcode-unknown = 没有名为“{ $name }”的短代码；{ $hint }可用的短代码有：{ $names }；网站可以在 templates/shortcodes/{ $name }.html 添加自己的短代码
shortcode-unknown-argument = { $name } 没有参数“{ $argument }”；{ $hint }它的参数有：{ $names }
shortcode-did-you-mean = 您是否想写 { $like }？
shortcode-no-arguments = 无
list = { $items }
hint-did-you-mean = ；您是否想写“{ $like }”？
shortcode-bad-argument = { $name }：{ $argument }="{ $value }" { $problem }
shortcode-table-at = 在 { $at } 显示的表格中
shortcode-needs-argument = { $name } 需要 { $argument }="…"（{ $kind }）；请写在 {"{{"}< { $name } … >{"}}"} 里面
shortcode-empty-argument = { $name }：{ $argument } 是空的；请写{ $kind }
shortcode-not-number = 不是整数；请只写数字，例如 640
shortcode-not-choice = 不在可选值 { $words } 之中；请写其中一个
shortcode-empty-link = 是空的；请写文件名或 https:// 地址
shortcode-not-webvtt = 不是 WebVTT 字幕文件：第一行必须是 WEBVTT（请把字幕保存为 .vtt，而不是 .srt）
shortcode-table-unreadable = 无法作为表格读取（{ $reason }）
shortcode-empty-file = 是空的；请写页面文件夹中一个文件的名字
shortcode-file-elsewhere = 不是这个页面的文件：这些文件由网站自己从页面所在的文件夹提供（不用其他网站、播放器或地址）；请把文件复制到 { $folder }/，再写上它的名字
shortcode-file-outside = 在 content 文件夹之外；请把文件放在 { $folder }/
shortcode-file-missing = 指向 { $file }，但没有这个文件；请把文件放在 { $folder }/，或改正文件名
shortcode-kind = { $kind ->
        [number] 一个整数
        [link] 一个链接（页面旁边的文件、一个页面，或 https:// 地址）
        [file] 页面文件夹中一个文件的名字
        [webvtt] 页面文件夹中一个 WebVTT（.vtt）文件的名字
        [csv] 页面文件夹中一个 CSV 文件的名字
       *[text] 一段文字
    }
shortcode-kind-choice = { $words } 之一
shortcode-no-name = {"{{"}< 后面需要短代码的名字（如 {"{{"}< figure src="photo.jpg" alt="…" >{"}}"}）；如果要把 {"{{"}< 当作文字显示，请把它放在 `反引号` 里
shortcode-not-closed = 短代码 { $name } 没有结束：请用 >{"}}"} 结束它
shortcode-end-arguments = {"{{"}< /{ $name } >{"}}"} 不带参数；请写成 {"{{"}< /{ $name } >{"}}"}
shortcode-unexpected = 短代码 { $name } 里出现了意外的“{ $found }”：参数的写法是 key="value"，参数之间用空格分开
shortcode-no-value = { $name } 的参数 { $key } 没有值：请写 { $key }="…"
shortcode-twice = 参数 { $key } 在 { $name } 里写了两次；请保留一个
shortcode-chinese-quotes = { $key } 的值用了中文引号：请用英文直双引号，写成 { $key }="…"（把输入法切换到英文标点）
shortcode-quote-value = 请把 { $key } 的值放在英文双引号里：{ $key }="…"
shortcode-unclosed-value = { $key } 的值缺少后面的双引号 "：请在 >{"}}"} 之前用 " 结束它
shortcode-own-line = 短代码要单独占一行：请把 { $shown } 放在单独的一行
csv-unreadable = 无法读取这个 CSV 文件：{ $reason }
csv-not-utf8 = 这个 CSV 文件不是 UTF-8 编码的文字；请另存为“CSV UTF-8”（在 Excel 中：另存为，再选 CSV UTF-8（逗号分隔））
csv-no-header = 这个 CSV 文件没有表头：第一行应写出各列的名称
csv-ragged = 这一行有 { $cells } 格，但表头有 { $header } 格；请让每一行的格数与表头相同（含有逗号的格请用英文双引号括起来）
csv-bad = 无法读取这个 CSV 文件：{ $reason }

## the address ledger (addresses.txt)

ledger-started = showcase：已建立网址登记表 { $file }，共 { $count } 个网址；请把它和内容一起提交
ledger-gone-count = showcase：有 { $count } 个发布过的网址现在会返回 404；showcase check 会列出它们
ledger-moved = 跳转：{ $address } → { $to }（{ $file }）
ledger-successor = 跳转：{ $address } → { $to }（{ $what } 已不再发布）
ledger-was-page = { $file } 的 { $lang } 页面
ledger-was-generated = { $lang } 的{ $what }页面
ledger-was-redirect = 一个转到 { $target } 的跳转
ledger-gone = { $address } 曾经发布过（{ $what }），现在没有页面使用这个网址，访问会得到 404；请在某个页面的前言里加上 aliases: ["{ $address }"]，或在这一行写明它搬到了哪里（“{ $address } -> ”后面写本站的网址、content 中的文件如 cases/new.md，或一个 URL）；只有确实要放弃这个网址时，才删除这一行
ledger-not-utf8 = 网址登记表不是 UTF-8 文本；请从版本库中恢复它
ledger-unreadable = 无法读取网址登记表：{ $reason }
ledger-duplicate = { $address } 已经登记在第 { $first } 行；请删除这两行中的一行
ledger-bad-file = { $address } 跳转到 { $target }，但它不是本站的内容文件{ $hint }；请写 content/ 中文件的路径（如 cases/new.md）、一个网址或一个 URL
ledger-bad-address = “{ $path }”{ $why ->
        [slash] 不是以一个 / 开头
       *[plain] 不是一个普通的路径
    }；地址是本网站上的路径，例如 /cases/name/
ledger-bad-language = “{ $code }”不是 site.toml 中的语言（{ $codes }）；地址后面的一项是页面的语言
ledger-nothing-more = { $address } 后面什么也没写；请写出它搬到了哪里（“{ $address } -> /cases/new/”），或删去这一行
ledger-no-target = 转址在 -> 后面需要写目标：一个地址（/cases/new/）、一个内容文件（cases/new.md）或一个网址
ledger-bad-target = “{ $target }”不是地址（/cases/new/）、内容文件（cases/new.md）或网址（https://…）
ledger-no-closing = “{ $what }”缺少右括号 )
ledger-after-target = 转址的一行写作“地址 -> 目标”；请删去目标后面的内容
ledger-no-file = 页面的一行写作“地址 语言 文件 日期 标题”；这一行缺少文件
ledger-unanswered = { $address } 转到 { $to }，但本网站没有哪个页面、旧地址或转址对应它；请改正目标（例如地址 /cases/new/、内容文件 cases/new.md 或网址），或删去这一行

## site.toml

config-no-site = { $folder }中没有 site.toml；请在网站的文件夹中运行 showcase，或用 --root DIR 指明网站
config-this-folder = 当前文件夹
config-toml = site.toml 的格式有误：{ $detail }
config-no-default-language = 默认语言 default_language "{ $code }" 没有对应的 [languages.{ $code }] 表{ $hint }
config-bad-language-code = “{ $code }”不是语言代码；请使用“zh”或“en”这样的代码
config-no-label = { $what }缺少“{ $code }”语言的名称；请加上 { $code } = "…"
config-label-other-language = { $what }有“{ $code }”语言的名称，但网站没有这种语言{ $hint }
config-taxonomy-reserved = 分类不能叫“{ $name }”：这是页首信息的字段名
config-taxonomy-name = 分类名“{ $name }”只能由小写字母、数字和连字符组成
config-term-key = 分类项的键“{ $key }”只能由小写字母、数字和连字符组成（它会成为网址的一部分）
config-number-range = { $key } 应是 { $least } 到 { $most } 之间的整数
config-highlight-theme = 没有名为“{ $theme }”的代码高亮主题{ $hint }；可用的主题有：{ $themes }
config-theme-name = theme "{ $theme }" 必须是 themes/ 中一个文件夹的名字
config-no-logo = logo = "{ $logo }"：网站的 static/ 文件夹中没有这个文件；请把标志放在那里（如 static/emblem.svg），并写 logo = "emblem.svg"
config-time-zone = timezone = "{ $zone }" 不是时区；请写 IANA 时区名，例如 "{ $example }"
config-date-format = 日期格式 date_format "{ $format }" 无效：{ $reason }
config-base-url-scheme = 网址 base_url "{ $url }" 必须以 https:// 或 http:// 开头
config-base-url-host = 网址 base_url "{ $url }" 没有有效的主机名
config-base-url-path = 网址 base_url "{ $url }" 的路径不能作为网站的文件夹
config-catalogue-path = 案例总览的路径 "{ $path }" 只能由小写字母、数字和连字符组成的文件夹名构成，例如 "cases"
config-site-code = site_code "{ $code }" 应是十位的网站标识码
config-police = 公安备案号 police "{ $number }" 应包含备案号的数字，例如 沪公网安备 31010702001234号
config-footer-link = 页脚链接 "{ $link }" 必须是 content/ 中的 Markdown 文件，例如 "about/site.md"
config-glossary-shape = 写法如 "产教融合" = {"{"} en = "industry-education integration", avoid = ["integration of industry and education"] {"}"}
config-glossary-avoid = 术语表“{ $term }”：avoid 应是文字的列表；{ $shape }
config-glossary-original = 术语表“{ $term }”：术语本身就是{ $lang }文字；请删去 { $key } = …
config-glossary-empty = 术语表“{ $term }”：{ $key } 不能为空；{ $shape }
config-glossary-key = 术语表“{ $term }”中的“{ $key }”既不是网站的语言，也不是 avoid{ $hint }
config-glossary-no-rendering = 术语表“{ $term }”列出了要避免的写法，但没有给出应使用的译法；{ $shape }
config-glossary-both = 术语表“{ $term }”：“{ $variant }”既是规定的译法，又是要避免的写法
config-count-not-key = count.{ $field } 应是分类项的键，例如 "enterprise"
config-count-level = count.level 只能是 "municipal"（市级）或 "district"（区级），不能是“{ $written }”{ $hint }
config-count-year = count.year 应是年份，例如 2025，不能是“{ $written }”
config-count-term = 这个目标统计 { $taxonomy } 中的“{ $term }”，但 site.toml 没有定义它{ $hint }
config-the-terms = ；已定义的有：{ $terms }
config-count-by = 这个目标按“{ $name }”统计，但它既不是分类，也不是 level 或 year{ $hint }
config-goal = 目标数 goal 应是从 1 起的整数
config-menu-not-address = { $what }：“{ $url }”不是网址；请写完整的网址，例如 "https://www.shanghai.gov.cn/"
config-menu-plain-path = { $what }：“{ $url }”必须是本站的一个简单路径，例如 "/cases/"
config-menu-path = { $what }：“{ $url }”必须是以“/”开头的本站路径（如 "/cases/"，各语言写法相同：英文版自动变为 "/en/cases/"），或以“https://”开头的网址
config-what-taxonomy = 分类“{ $name }”
config-what-term = 分类“{ $name }”中的分类项“{ $key }”
config-what-publisher = 发布单位（publisher）
config-what-catalogue = 案例总览（catalogue）
config-what-menu = 第 { $number } 个菜单项（url = "{ $url }"）
config-what-target = 一个目标（targets）

## new and translated: what went wrong

new-empty-name = 名称“{ $name }”得不到文件名；请使用字母、数字或汉字
new-taken = { $files }（{ $count } 个文件）已经存在；showcase new 从不覆盖已有的案例：请换一个名称，或直接编辑已有的文件
new-no-content = { $root } 中没有 content 文件夹；请先创建 content/_index.md 作为首页
new-no-kinds = --kind { $kind }：site.toml 没有定义 kind（类型）分类；请添加 [taxonomies.kind]，或不写 --kind
new-unknown-kind = 未知类型“{ $kind }”{ $hint }（site.toml 定义的有：{ $kinds }）
new-kind-from-section = content/{ $section }/ 里还没有案例可供确定类型；请用 --kind K 指明类型（可选：{ $kinds }）
new-which-kind = 请用 --kind K 指明案例的类型（可选：{ $kinds }）
new-cases = 案例
new-cases-of = { $kind } 类的案例
new-which-section = 还没有栏目收录{ $what }；请用 --section S 选择一个栏目（{ $sections }）
new-no-section = 没有栏目 { $section }{ $hint }（如需新建，请创建 { $index } 并写上 title: 一行；{ $sections }）
new-section-incomplete = 栏目 { $section } 缺少 { $missing }，新页面将无法生成；请先创建它并写上 title: 一行
new-no-sections = 网站还没有栏目
new-sections = 现有栏目：{ $sections }
translated-no-site = { $file } 不在任何网站的 content 文件夹中（上级文件夹里没有 site.toml）；请用 --root DIR 指明网站
translated-outside = { $file } 不在 { $content } 中；showcase translated 只标记网站 content 文件夹中的译文
translated-not-markdown = { $file } 不是 Markdown 文件；请给出译文文件，例如 content/cases/ximalaya.en.md
translated-original = { $file } 是默认语言（{ $lang }）的原文；请给出它的译文，例如 { $example }
translated-no-original = { $file } 没有原文：既没有 { $first }，也没有 { $second }
translated-two-originals = { $file } 有两个原文：{ $first } 和 { $second }；请只保留一个

## init: what went wrong

init-unknown-language = --lang：内置主题没有“{ $lang }”的界面文字；请从 { $langs } 中选择（例如 --lang zh,en）
init-language-twice = --lang 把“{ $lang }”写了两次
init-no-language = --lang 至少要有一种语言，例如 --lang zh,en
init-not-empty = { $folder } 不是空文件夹（里面有 { $name }）；showcase init 只在空文件夹或新文件夹中建立网站，不会覆盖任何东西：请给一个新文件夹，例如 showcase init my-site
init-is-a-file = { $folder } 是一个文件；showcase init 需要一个空文件夹或新文件夹
init-cannot-stamp = 无法把页面 { $page } 标记为已翻译

## status（翻译进度）

status-one-language = showcase：网站只有一种语言，无需翻译
status-section = 栏目
status-pages = 页面
status-translated = 已翻译
status-stale = 待更新
status-unstamped = 未标记
status-missing = 缺译文
status-total = 合计
status-stale-hint = 原文已修改；请更新译文，然后运行 showcase translated 文件名
status-unstamped-hint = 没有记录译文依据的原文版本；确认译文与原文一致后，运行 showcase translated 文件名
status-missing-hint = 请撰写以下文件
status-original = { $file }（原文：{ $original }）
status-findings = 编辑检查发现：{ $count } 处

## translated（标记译文为最新）

translated-recorded = showcase：已记录 { $file } 与原文 { $original } 一致（translated_from: { $stamp }）
translated-already = showcase：{ $file } 此前已记录为与原文 { $original } 一致（translated_from: { $stamp }）

## new（新建案例）

new-created = showcase：已新建 { $files }（草稿{ $kind ->
        [none] {""}
       *[other] ，类型 { $kind }
    }）
new-next = 下一步：替换占位标题并撰写正文；用 showcase build --drafts 预览；删除 draft: true 即可发布
new-next-translation = ；译文与原文一致后，运行 showcase translated { $translation }
list-and = { $first } 和 { $second }

## theme eject（导出主题）

theme-copied = 已将内置主题（{ $files } 个文件）复制到 { $folder }。
theme-in-use = 网站现在使用这份副本生成，可按需修改其中的文件。
theme-set-it = 如需使用它，请在 site.toml 中设置 theme = "{ $name }"（目前为 "{ $named }"）。
theme-bad-name = “{ $name }”不能用作主题名：请用不含 / 或 \ 的文件夹名，例如“default”或“district”
theme-not-a-site = { $folder } 不是网站的文件夹：里面没有 site.toml；请在网站的文件夹中运行，或用 --root 指明
theme-exists = { $folder } 已经存在；请删掉它，或给主题起另一个名字（showcase theme eject 名字）

## init（新建网站）

init-started = 已在 { $folder } 新建网站（{ $files } 个文件），语言：{ $languages }。
init-next =
    下一步：
      cd { $folder }
      showcase serve        在 http://127.0.0.1:1111/ 预览（显示草稿）
      showcase check        检查内容
      showcase build        生成网站到 public/
      showcase new case 名称  新建一个案例

    请在 site.toml 中设置 base_url 和 [government]；content/cases/example.md 是一篇待替换的草稿。
    默认主题内置于 showcase：把文件放进 templates/、static/ 或 i18n/ 可替换单个文件，
    运行 `showcase theme eject` 可把整个主题复制到 themes/default/。
init-no-releases =
    这个 showcase 不是由发布流程构建的，因此发布工作流
    （.github/workflows/pages.yml、.gitlab-ci.yml）会从 { $placeholder } 下载：
    请在其中把 SHOWCASE_RELEASES 设为 showcase 发布版本的地址。

## serve（本地预览）

serve-io = 无法{ $action }它：{ $reason }
serve-no-site = { $folder } 中没有 site.toml；请在网站的文件夹中运行 showcase serve，或用 --root 指明网站
serve-cannot-watch = 无法监视 { $folder } 中的改动：{ $reason }
serve-watcher-closed = 已停止监视改动：监视程序关闭了
serve-cannot-listen = 无法在 { $address } 上监听：{ $reason }；是否已有另一个 showcase serve 在运行？请用 --port 换一个端口
serve-serving = showcase：正在预览 { $url }（内容保存在内存中）；正在监视 { $folder } 的修改（按 Ctrl-C 停止）
serve-open-bind = showcase：警告：正在监听 { $address }，能访问这台电脑的任何人都能看到网站；使用 --bind 127.0.0.1 可只允许本机访问
serve-nothing-changed = showcase：已重新生成，用时 { $seconds } 秒；没有变化
serve-built = showcase：已生成 { $files } 个文件，用时 { $seconds } 秒
serve-rebuilt = showcase：已重新生成 { $changed } 个有变化的文件，用时 { $seconds } 秒{ $fixed ->
        [yes] ；错误已修正
       *[no] {""}
    }
serve-errors = showcase：{ $count } 个错误；{ $served ->
        [yes] 仍在提供上一次成功生成的版本，页面上会显示错误，直到修正为止
       *[no] 页面上会显示错误，直到修正为止
    }
serve-no-browser = showcase：无法打开浏览器（{ $reason }）；请自行打开 { $url }
serve-overlay-heading = showcase：网站有 { $count } 个错误{ $served ->
        [yes] ；修正之前，预览仍显示上一次成功生成的版本
       *[no] ，未能生成
    }
serve-overlay-fix = 修改文件并保存后，本页会自动刷新。
serve-overlay-problem = { $severity }：{ $message }

## 页首信息（页面顶部两行 --- 之间的部分）


fm-yaml = 页首信息的格式有误（YAML）：{ $detail }。请检查这一行的冒号、引号和括号是否成对
fm-yaml-plain = 页首信息的格式有误（YAML）：{ $kind ->
        [colon] 值里有“: ”（冒号加空格）；请把整个值用英文双引号括起来，例如 title: "园区: 案例"；如果这一行是一个新的字段，请让它顶格书写
        [tab] 缩进里有制表符（Tab）；请改用空格缩进
        [bracket] “[”没有配对；请在列表末尾写上“]”
        [brace] “{"{"}”没有配对；请在末尾写上“{"}"}”
        [quote] 引号没有配对；请在值的末尾写上同样的引号
        [twice] 字段 { $key } 写了两次；请只保留其中一行
        [no-colon] 这一行不是“字段: 值”的形式；请写字段名、英文冒号和一个空格，再写值
        [character] 值以 YAML 保留的字符开头（如 ` @ % & *）；请把整个值用英文双引号括起来
       *[indent] 这一行与上面的字段没有对齐；字段请顶格书写，列表项请在所属字段下面以“- ”开头
    }
fm-unknown-field = 未知字段 { $field }；主题用的自定义数据请写在 extra: 下面
# 您是否想写：字段名及其中文说明。
fm-unknown-field-like = 未知字段 { $field }，您是否想写 { $like ->
            [title] title（标题）
            [summary] summary（摘要）
            [date] date（日期）
            [updated] updated（更新日期）
            [expires] expires（下线日期）
            [kind] kind（类型）
            [industry] industry（重点产业）
            [partner] partner（合作院校）
            [department] department（责任部门）
            [organisation] organisation（单位）
            [level] level（级别）
            [cover] cover（封面图）
            [highlights] highlights（关键数据）
            [source] source（信息来源）
            [featured] featured（推荐）
            [draft] draft（草稿）
            [weight] weight（排序）
            [aliases] aliases（旧地址）
            [slug] slug（网址名）
            [extra] extra（自定义数据）
           *[other] { $like }
        }？
fm-unknown-term = { $field } 中没有“{ $term }”这一项；site.toml 中定义的有：{ $terms }
fm-unknown-term-like = { $field } 中没有“{ $term }”这一项，您是否想写“{ $like }”？
fm-no-title = 缺少标题；请在页首信息中加一行“title: 标题”
fm-expires-before-date = 下线日期 expires: { $expires } 早于发布日期 date: { $date }，页面将永远不会发布；请改正其中一个
fm-missing = 文件没有以页首信息开头；请在第一行写“---”，接着写“title: 标题”，再写一行“---”
fm-not-closed = 第 1 行开始的页首信息没有结束；请在它后面加一行“---”
fm-too-large = 页首信息有 { $size } KB，超过了 { $limit } KB 的上限；请把数据移到正文或页面旁边的文件里
fm-too-many-brackets = 页首信息里的“[”和“{"{"}”超过了 { $limit } 个；长列表请每行写一项“- 项目”
fm-not-fields = 页首信息应由“字段: 值”这样的行组成
fm-field-name-not-text = 页首信息的字段名必须是文字
# A name written as it is (a key of site.toml, a folder).
as-written = { $text }
field-label = { $field ->
            [title] title（标题）
            [summary] summary（摘要）
            [date] date（日期）
            [updated] updated（更新日期）
            [expires] expires（下线日期）
            [kind] kind（类型）
            [industry] industry（重点产业）
            [partner] partner（合作院校）
            [department] department（责任部门）
            [organisation] organisation（单位）
            [level] level（级别）
            [cover] cover（封面图）
            [highlights] highlights（关键数据）
            [source] source（信息来源）
            [featured] featured（推荐）
            [draft] draft（草稿）
            [weight] weight（排序）
            [aliases] aliases（旧地址）
            [slug] slug（网址名）
            [extra] extra（自定义数据）
           *[other] { $field }
        }
fm-title-empty = 标题（title）不能为空
fm-bad-stamp = translated_from 应是 showcase translated 写下的短哈希值（如 3f2a9c1），而不是“{ $raw }”；请对这个文件运行 showcase translated
fm-not-a-date = { $field }应是写成 YYYY-MM-DD 的日期，例如 2021-01-12
fm-bad-level = 级别（level）只能是 "municipal"（市级）或 "district"（区级）{ $not }{ $hint }
fm-level-not = ，不能是“{ $written }”
fm-yes-no = { $field }只能是 true 或 false；“{ $written }”在 YAML 1.2 中是文字，请写 { $instead }
fm-not-boolean = { $field }只能是 true 或 false
fm-not-number = { $field }应是整数
fm-not-text = { $field }应是文字
fm-aliases-not-list = 旧地址（aliases）应是路径的列表，例如 ["/old/path/"]
fm-year = year（年份）由 date 自动得出；请删去这个字段
fm-terms-not-list = { $field }应是一个分类项，或分类项的列表，例如 [{ $example }]
fm-bad-date = { $field }“{ $written }”不是日期；请写成 YYYY-MM-DD，例如 2021-01-12
fm-extra-unusable = extra（自定义数据）无法供模板使用：{ $reason }
fm-cover-shape = 封面图（cover）应写成 {"{"}src: 图片.jpg, alt: 图片内容的文字说明{"}"}
fm-cover-unknown = 封面图（cover）没有“{ $field }”这一项；{ fm-cover-shape }{ $hint }
fm-cover-no-src = 封面图（cover）缺少图片文件 src；{ fm-cover-shape }
fm-cover-no-alt = 封面图（cover）缺少替代文字 alt；请为看不见图片的读者描述图片的内容：alt: …
fm-highlights-shape = 关键数据（highlights）应是 {"{"}value: 数据, label: 说明{"}"} 的列表
fm-highlight-unknown = 关键数据中的一项没有“{ $field }”这一栏；{ fm-highlights-shape }{ $hint }
fm-highlight-incomplete = 每一项关键数据都要有 value（数据）和 label（说明）；{ fm-highlights-shape }
fm-bad-alias = 旧地址（alias）“{ $alias }”{ $why ->
        [slash] 必须以 / 开头
        [character] 含有路径中不能有的字符
        [dots] 不能含有 . 或 .. 这样的段
       *[empty] 中有空的段（//）
    }；旧地址是本网站上的路径，例如 /old/path/
slug-empty = 网址名（slug）是空的
slug-dot = 网址名（slug）“{ $slug }”不能以点开头
slug-character = 网址名（slug）“{ $slug }”含有“{ $character }”；只能用字母、数字、连字符、下划线和点（网址中的一段）

## 翻译（check）

check-untranslated-page = 这个页面还没有{ $lang ->
        [en] 英文
        [zh] 中文
       *[other] { $name }
    }版（应放在同一文件夹的 { $file }）；{ $lang ->
        [en] 英文
        [zh] 中文
       *[other] { $name }
    }读者会看到原文，并附有说明
check-untranslated-skipped = 这个页面还没有{ $lang ->
        [en] 英文
        [zh] 中文
       *[other] { $name }
    }版（应放在同一文件夹的 { $file }）；{ $lang ->
        [en] 英文
        [zh] 中文
       *[other] { $name }
    }网站中不显示它
check-untranslated-section = 这个栏目还没有{ $lang ->
        [en] 英文
        [zh] 中文
       *[other] { $name }
    }版（应放在同一文件夹的 { $file }）；其中的页面没有{ $lang ->
        [en] 英文
        [zh] 中文
       *[other] { $name }
    }列表
check-stale = 原文 { $original } 在翻译之后修改过；请更新译文，然后运行 showcase translated { $translation }
check-unstamped = 这篇译文没有记录它依据的是 { $original } 的哪个版本，因此原文修改后无法提醒；确认译文与原文一致后，运行 showcase translated { $translation }

## 命令行帮助

usage-with-help = showcase：{ $problem }
    { $command } --help 列出它可用的选项。
usage-extra-argument = 这里不需要 { $argument }
usage-unknown-option = 没有选项 { $option }{ $hint }
usage-unknown-command = 没有命令 { $command }{ $hint }
usage-bad-value = { $value } 不是 { $option } 可用的值；请写其中之一：{ $values }
usage-invalid = { $value } 不是 { $option } 的有效值
usage-missing = 必须给出 { $arguments }
usage-no-command = 请说明要做什么：例如 build、check、serve 或 new 命令
usage-conflict = { $option } 不能与 { $other } 同时使用

cli = 用 Markdown 生成中英双语的案例网站
cli-help = 显示帮助
cli-version = 显示版本
cli-lang = showcase 输出信息的语言：zh 或 en［默认：按系统语言，否则按网站的语言］
cli-usage-heading = 用法
cli-commands-heading = 命令
cli-options-heading = 选项
cli-arguments-heading = 参数
cli-help-command = 显示帮助，或指定命令的帮助
cli-values = ［可选：{ $values }］
cli-default = ［默认：{ $value }］
cli-build = 生成网站，写入输出文件夹（默认为 public/）。
cli-build-root = 网站所在的文件夹（其中有 site.toml）。
cli-build-output = 网站的输出位置［默认：<网站文件夹>/public］。
cli-build-base_url = 用这个网址代替 site.toml 中的 base_url，用于预览部署。
cli-build-drafts = 包括标记为 draft: true 的草稿。
cli-build-future = 包括日期在今天之后的页面（否则到当天才发布）。
cli-check = 检查网站而不写入任何文件：内容、模板、链接、锚点、图片。
cli-check-root = 网站所在的文件夹（其中有 site.toml）。
cli-check-format = 问题的输出方式：按文件分组的文本，或一份 JSON 文档。
cli-check-strict = 有警告时也判为失败（退出码 1），而不只是有错误时。
cli-check-external = 同时通过网络检查指向外部网站的 http(s) 链接。
cli-check-timeout = 使用 --external 时，每个外部链接最多等待的秒数。
cli-check-base_url = 按发布在这个网址时的情况检查网站，代替 site.toml 中的 base_url。
cli-check-drafts = 包括标记为 draft: true 的草稿。
cli-check-future = 包括日期在今天之后的页面，以便在发布前检查。
cli-new = 新建内容：`showcase new case 名称`。
cli-new-case = 新建一个案例，网站的每种语言各一篇，包含标准提纲，标记为草稿。
cli-new-case-name = 案例名称，用作文件名（中文会转为拼音）。
cli-new-case-kind = 案例类型，即 site.toml 中 kind 分类的一个词条［默认：--section 栏目中最常见的类型］。
cli-new-case-section = content/ 中栏目的文件夹［默认：--kind 类型案例最多的栏目，否则为案例目录所在栏目］。
cli-new-case-root = 网站所在的文件夹（其中有 site.toml）。
cli-translated = 记录译文已与原文保持一致。
cli-translated-files = 要标记的译文，例如 content/cases/ximalaya.en.md。
cli-translated-root = 网站所在的文件夹［默认：文件上方最近的、含有 site.toml 的文件夹］。
cli-status = 按栏目列出已翻译、待更新和缺少译文的页面数。
cli-status-root = 网站所在的文件夹（其中有 site.toml）。
cli-status-drafts = 把标记为 draft: true 的草稿也计算在内。
cli-status-lint = 同时列出每个文件的编辑检查结果（标点、术语）。
cli-serve = 在内存中生成网站并提供预览；每次修改后重新生成并刷新浏览器。
cli-serve-root = 网站所在的文件夹（其中有 site.toml）。
cli-serve-port = 监听的端口。
cli-serve-bind = 监听的地址；本机回环地址以外的地址会让其他电脑也能访问网站。
cli-serve-open = 开始预览后用默认浏览器打开网站。
cli-serve-no_drafts = 不显示标记为 draft: true 的草稿（默认显示，并标明是草稿）。
cli-init = 在空文件夹中新建网站：建好即可生成、通过检查并预览。
cli-init-dir = 新网站的文件夹，必须为空或尚不存在。
cli-init-lang = 网站的语言，默认语言在前：zh,en | en,zh | zh | en。
cli-casebook = 把案例排成可印刷的 PDF（典型案例汇编），每种语言一本；或把一个案例排成单页资料。
cli-casebook-root = 网站所在的文件夹（其中有 site.toml）。
cli-casebook-lang = 要排印的语言代码，多个用逗号分隔［默认：网站的每种语言］。
cli-casebook-section = 只排印这个栏目（content/ 下的文件夹）的案例；可多次给出。
cli-casebook-case = 把一个案例排成单页资料：content/ 中的一个 Markdown 文件。
cli-casebook-output = 要写入的 PDF；有多种语言时，语言代码加在扩展名之前［默认：当前文件夹中的 casebook.<语言>.pdf］。
cli-theme = 使用 showcase 内置的主题：`showcase theme eject`。
cli-theme-eject = 把内置主题复制到 themes/名称/，以便修改单个文件以外的内容。
cli-theme-eject-name = 新主题在 themes/ 中的文件夹名。
cli-theme-eject-root = 网站所在的文件夹（其中有 site.toml）。

## 编辑台（serve --edit）
cli-serve-edit = 在 /_edit/ 开启编辑台：在浏览器中编辑、新建和翻译案例。
desk-serving = showcase：编辑台地址 { $url }（请打开这个地址，其中含有本次运行的密钥）
desk-open-bind = showcase：警告：编辑台可以从网络上访问（{ $address }），任何知道其地址的人都能修改网站文件；使用 --bind 127.0.0.1 可只允许本机访问
desk-no-token = 无法生成编辑台的密钥：{ $reason }
desk-refused-host = 403：编辑台只接受本机地址（localhost 或 127.0.0.1）的访问。
desk-refused-token = 这个地址缺少编辑台的密钥。请打开 “showcase serve --edit” 启动时显示的地址。
desk-refused-origin = 403：这个表单不是从编辑台本身提交的。
desk-refused-path = 编辑台不能写入 “{ $file }”：它只写入 content 文件夹中的 Markdown 文件和图片。
desk-refused-name = 名称 “{ $name }” 在 Windows 中是保留名称，或含有文件名不能使用的字符；请换一个名称。
desk-not-found = 编辑台没有这个页面。
desk-no-file = 没有文件 content/{ $file }；它可能已被移动或删除。
desk-fix-heading = 这个文件的页首信息需要修改
desk-fix-where = 问题在第 { $line } 行
desk-fix-source = 文件的全部内容
desk-fix-hint = 开头两行“---”之间是页首信息，每行写一项“字段: 值”。请改正上面指出的那一行，然后保存：文件能正确读取后，会重新显示为表单。
desk-broken-heading = 有 { $count } 个文件需要修改
desk-broken-hint = 这些文件的页首信息改正之前不会发布。打开一个文件，就能看到问题并在这里改正。
desk-broken-why = 第 { $line } 行：{ $message }
desk-title = 编辑台
desk-nav = 编辑台菜单
desk-all-cases = 全部案例
desk-new-case = 新建案例
desk-open-site = 打开网站
desk-state-original = 原文
desk-state-current = 译文已是最新
desk-state-stale = 译文需要更新
desk-state-unstamped = 译文尚未核对
desk-state-missing = 缺少译文
desk-state-orphan = 没有原文
desk-versions = 本案例的各语言版本
desk-start-translation = 新建{ $lang }版本（复制原文，作为草稿）
desk-mark-current = 标记译文为最新
desk-original = 原文
desk-about = 案例信息
desk-field-title = 标题
desk-field-summary = 摘要（一两句话，用于列表和搜索）
desk-field-organisation = 单位名称
desk-field-date = 日期
desk-field-source = 信息来源
desk-field-level = 级别
desk-level-none = （未设置）
desk-level-municipal = 市级
desk-level-district = 区级
desk-field-draft = 草稿：暂不发布
desk-field-section = 栏目
desk-cover = 封面图片
desk-field-cover-src = 图片文件（在案例的文件夹中）
desk-field-cover-alt = 图片内容说明（供看不见图片的读者使用）
desk-figures = 关键数据
desk-figures-hint = 一个数字及其计量对象，例如 10 和 “家企业”。清空一行即可删除。
desk-figure-value = 数字
desk-figure-label = 计量对象
desk-body = 案例正文
desk-toolbar = 格式
desk-tool-heading = 标题
desk-tool-bold = 加粗
desk-tool-list = 列表
desk-tool-link = 链接
desk-tool-table = 表格
desk-upload = 添加图片
desk-upload-file = 图片文件（PNG、JPEG、WebP 或 GIF）
desk-upload-alt = 图片内容说明
desk-upload-button = 上传并插入
desk-save = 保存
desk-saved = 已保存。网站正在重新生成，预览会自动刷新。
desk-stale-file = 未保存：打开此表单后，文件已在磁盘上被修改。您的文字保留在下方；请复制需要的内容，再重新载入本页查看文件的当前内容。
desk-fix-fields = 未保存：请更正下面标出的栏目。
desk-write-failed = 未保存：无法写入文件（{ $reason }）。
desk-need-title = 请填写标题。
desk-bad-date = “{ $date }” 不是日期；请写成 2024-05-01 的形式。
desk-need-alt = 请说明图片的内容，供看不见图片的读者使用。
desk-need-cover = 请填写封面的图片文件名，或清空图片说明。
desk-need-figure = 每项关键数据都需要数字和计量对象。
desk-image-too-big = 图片大于 { $limit } MB，请先缩小。
desk-not-an-image = 这个文件不是 PNG、JPEG、WebP 或 GIF 图片。
desk-preview = 预览
desk-new-hint = 案例会以标准提纲在网站的每种语言中创建，其余内容在下一页填写。
desk-create = 创建案例
