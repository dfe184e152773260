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
desk-refused-host = 403：编辑台只接受本机地址（localhost 或 127.0.0.1）的访问。
desk-refused-token = 这个地址缺少编辑台的密钥。请打开 “showcase serve --edit” 启动时显示的地址。
desk-refused-origin = 403：这个表单不是从编辑台本身提交的。
desk-refused-path = 编辑台不能写入 “{ $file }”：它只写入 content 文件夹中的 Markdown 文件和图片。
desk-refused-name = 名称 “{ $name }” 在 Windows 中是保留名称，或含有文件名不能使用的字符；请换一个名称。
desk-not-found = 编辑台没有这个页面。
desk-no-file = 没有文件 content/{ $file }；它可能已被移动或删除。
desk-unreadable = content/{ $file } 无法显示为表单：第 { $line } 行：{ $message }。请用文本编辑器修改后重新载入本页。
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
