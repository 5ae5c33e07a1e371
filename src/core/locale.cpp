#include "core/locale.hpp"

#include <algorithm>
#include <array>

#include "core/utf8.hpp"

namespace broadsheet {

namespace {

// One language's words. The date pattern has {d} day, {m} month number, {M} month name, {y} year.
struct Language {
  std::string_view tag;
  std::array<std::string_view, kFirstPublicationLabel> labels;
  std::array<std::string_view, 12> months;
  std::string_view date_pattern;
  std::string_view first_day;  // how the 1st of a month is written when not "1" (French "1er")
  bool arabic_digits;          // dates in Arabic-Indic digits (٠١٢٣٤٥٦٧٨٩), as CLDR's `ar` does
};

constexpr std::array<std::string_view, kLabelCount> kKeys = {
    "sponsored", "in_this_issue", "view_in_browser", "read_on_web", "unsubscribe", "issue_number",
    "byline",    "and",           "list_separator",  "colon",       "photo_credit", "tags",
    "task",      "links",         "note",            "tip",         "important",    "warning",
    "caution",   "notes",         "footnote_ref",    "footnote_back", "recent_issues", "newsletter_issue",
    "render_error", "previous_issue", "next_issue", "all_issues", "rss_feed", "more_issues",
    "issue_count_one", "issue_count", "matching_issues", "filter_issues", "show_more", "search_issues",
    "search_results", "search_no_results", "image", "no_description", "archive_description",
};

constexpr std::array<std::string_view, 12> kCjkMonths = {"1", "2", "3", "4", "5", "6",
                                                         "7", "8", "9", "10", "11", "12"};

// Label order: see enum Label in locale.hpp.
const Language kLanguages[] = {
    {"en",
     {"Sponsored", "In this issue", "View this issue in your browser", "Read it on the web", "Unsubscribe",
      "Issue {n}", "By {authors}", " and ", ", ", ": ", "Photo: {credit}", "Tags", "Task", "Links", "Note",
      "Tip", "Important", "Warning", "Caution", "Notes", "Footnote {n}", "Back to reference {n}",
      "Recent issues", "Newsletter issue", "This issue could not be shown", "Previous issue", "Next issue", "All issues", "RSS feed",
      "More issues"},
     {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
      "November", "December"},
     "{d} {M} {y}", "", false},
    {"zh-Hans",
     {"赞助内容", "本期内容", "在浏览器中查看本期", "在网页上阅读", "退订", "第{n}期", "作者：{authors}", "和",
      "、", "：", "图片：{credit}", "标签", "任务", "链接", "备注", "提示", "重要", "警告", "注意", "注释",
      "脚注 {n}", "返回引用 {n}", "往期内容", "新闻简报", "无法显示本期内容", "上一期", "下一期", "全部往期", "RSS 订阅", "更多往期"},
     kCjkMonths, "{y}年{m}月{d}日", "", false},
    {"zh-Hant",
     {"贊助內容", "本期內容", "在瀏覽器中檢視本期", "在網頁上閱讀", "取消訂閱", "第{n}期", "作者：{authors}", "和",
      "、", "：", "圖片：{credit}", "標籤", "任務", "連結", "備註", "提示", "重要", "警告", "注意", "註釋",
      "註腳 {n}", "返回引用 {n}", "往期內容", "電子報", "無法顯示本期內容", "上一期", "下一期", "全部往期", "RSS 訂閱", "更多往期"},
     kCjkMonths, "{y}年{m}月{d}日", "", false},
    {"ja",
     {"スポンサー", "今号の内容", "ブラウザで表示", "ウェブで読む", "配信停止", "第{n}号", "著者：{authors}", "、",
      "、", "：", "写真：{credit}", "タグ", "タスク", "リンク", "メモ", "ヒント", "重要", "警告", "注意", "注",
      "脚注 {n}", "参照 {n} に戻る", "最近の号", "ニュースレター", "この号を表示できません", "前の号", "次の号", "すべての号", "RSS フィード", "ほかの号"},
     kCjkMonths, "{y}年{m}月{d}日", "", false},
    {"ko",
     {"스폰서", "이번 호 내용", "브라우저에서 보기", "웹에서 읽기", "구독 취소", "제{n}호", "글: {authors}", " 및 ",
      ", ", ": ", "사진: {credit}", "태그", "할 일", "링크", "참고", "팁", "중요", "경고", "주의", "각주",
      "각주 {n}", "참조 {n}(으)로 돌아가기", "지난 호", "뉴스레터", "이번 호를 표시할 수 없습니다", "이전 호", "다음 호", "모든 호", "RSS 피드", "다른 호"},
     kCjkMonths, "{y}년 {m}월 {d}일", "", false},
    {"es",
     {"Patrocinado", "En este número", "Ver este número en el navegador", "Léelo en la web",
      "Cancelar la suscripción", "Número {n}", "Por {authors}", " y ", ", ", ": ", "Foto: {credit}",
      "Etiquetas", "Tarea", "Enlaces", "Nota", "Consejo", "Importante", "Advertencia", "Precaución", "Notas",
      "Nota {n}", "Volver a la referencia {n}", "Números recientes", "Número del boletín",
      "No se pudo mostrar este número", "Número anterior", "Número siguiente", "Todos los números",
      "Feed RSS", "Más números"},
     {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
      "noviembre", "diciembre"},
     "{d} de {M} de {y}", "", false},
    {"fr",
     // French sets a no-break space before a colon.
     {"Sponsorisé", "Dans ce numéro", "Voir ce numéro dans votre navigateur", "Lire en ligne",
      "Se désabonner", "Numéro {n}", "Par {authors}", " et ", ", ", "\u00A0: ", "Photo\u00A0: {credit}",
      "Étiquettes", "Tâche", "Liens", "Remarque", "Astuce", "Important", "Avertissement", "Attention",
      "Notes", "Note {n}", "Retour à la référence {n}", "Numéros récents", "Numéro de la lettre",
      "Impossible d’afficher ce numéro", "Numéro précédent", "Numéro suivant", "Tous les numéros",
      "Flux RSS", "Autres numéros"},
     {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
      "novembre", "décembre"},
     "{d} {M} {y}", "1er", false},
    {"de",
     {"Gesponsert", "In dieser Ausgabe", "Diese Ausgabe im Browser ansehen", "Im Web lesen", "Abmelden",
      "Ausgabe {n}", "Von {authors}", " und ", ", ", ": ", "Foto: {credit}", "Schlagwörter", "Aufgabe",
      "Links", "Hinweis", "Tipp", "Wichtig", "Warnung", "Vorsicht", "Anmerkungen", "Fußnote {n}",
      "Zurück zur Referenz {n}", "Letzte Ausgaben", "Newsletter-Ausgabe",
      "Diese Ausgabe kann nicht angezeigt werden", "Vorherige Ausgabe", "Nächste Ausgabe", "Alle Ausgaben",
      "RSS-Feed", "Weitere Ausgaben"},
     {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
      "November", "Dezember"},
     "{d}. {M} {y}", "", false},
    {"pt",
     {"Patrocinado", "Nesta edição", "Ver esta edição no navegador", "Ler na web", "Cancelar inscrição",
      "Edição {n}", "Por {authors}", " e ", ", ", ": ", "Foto: {credit}", "Etiquetas", "Tarefa", "Links",
      "Nota", "Dica", "Importante", "Aviso", "Cuidado", "Notas", "Nota {n}", "Voltar à referência {n}",
      "Edições recentes", "Edição da newsletter", "Não foi possível mostrar esta edição", "Edição anterior",
      "Próxima edição", "Todas as edições", "Feed RSS", "Mais edições"},
     {"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
      "novembro", "dezembro"},
     "{d} de {M} de {y}", "", false},
    {"it",
     {"Sponsorizzato", "In questo numero", "Visualizza questo numero nel browser", "Leggilo sul web",
      "Annulla l’iscrizione", "Numero {n}", "Di {authors}", " e ", ", ", ": ", "Foto: {credit}", "Tag",
      "Attività", "Link", "Nota", "Suggerimento", "Importante", "Avviso", "Attenzione", "Note", "Nota {n}",
      "Torna al riferimento {n}", "Numeri recenti", "Numero della newsletter",
      "Impossibile mostrare questo numero", "Numero precedente", "Numero successivo", "Tutti i numeri",
      "Feed RSS", "Altri numeri"},
     {"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
      "ottobre", "novembre", "dicembre"},
     "{d} {M} {y}", "1º", false},
    {"ar",
     // The conjunction و joins the next word: "أحمد وسارة".
     {"برعاية", "في هذا العدد", "اعرض هذا العدد في متصفحك", "اقرأه على الويب", "إلغاء الاشتراك", "العدد {n}",
      "بقلم {authors}", " و", "، ", ": ", "صورة: {credit}", "الوسوم", "مهمة", "روابط", "ملاحظة", "نصيحة",
      "مهم", "تحذير", "تنبيه", "الحواشي", "الحاشية {n}", "العودة إلى الإحالة {n}", "أعداد سابقة", "عدد النشرة",
      "تعذّر عرض هذا العدد", "العدد السابق", "العدد التالي", "كل الأعداد", "موجز RSS", "أعداد أخرى"},
     {"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر",
      "ديسمبر"},
     "{d} {M} {y}", "", true},
};


// The publication's own words (`broadsheet build`'s archive and search box, the text format's image
// placeholder), by language in the order of kLanguages; label order: Label::IssueCountOne onwards. A lean
// build (the element, whose archive words come from the site's issues.json) leaves them out.
#ifndef BROADSHEET_WEB_ONLY
#define BROADSHEET_WEB_ONLY 0
#endif
#if !BROADSHEET_WEB_ONLY
constexpr std::array<std::string_view, kPublicationLabelCount> kPublicationLabels[] = {
    // en
    {"{n} issue", "{n} issues", "{n} matching", "Filter issues", "Show more", "Search issues", "{n} results",
     "No results", "Image: {alt}", "no description", "Every issue of {title}."},
    // zh-Hans
    {"共{n}期", "共{n}期", "{n}期符合", "筛选往期", "显示更多", "搜索往期", "{n}条结果", "没有结果", "图片：{alt}", "无描述", "{title}的全部往期。"},
    // zh-Hant
    {"共{n}期", "共{n}期", "{n}期符合", "篩選往期", "顯示更多", "搜尋往期", "{n}筆結果", "沒有結果", "圖片：{alt}", "無描述", "{title}的全部往期。"},
    // ja
    {"全{n}号", "全{n}号", "{n}号が該当", "号を絞り込む", "さらに表示", "号を検索", "{n}件の結果", "結果はありません", "画像：{alt}", "説明なし",
     "{title}のすべての号。"},
    // ko
    {"총 {n}호", "총 {n}호", "{n}개 일치", "호 필터", "더 보기", "호 검색", "결과 {n}개", "결과 없음", "이미지: {alt}", "설명 없음",
     "{title}의 모든 호."},
    // es
    {"{n} número", "{n} números", "{n} coinciden", "Filtrar números", "Mostrar más", "Buscar números",
     "{n} resultados", "Sin resultados", "Imagen: {alt}", "sin descripción", "Todos los números de {title}."},
    // fr
    {"{n} numéro", "{n} numéros", "Correspondances\u00A0: {n}", "Filtrer les numéros", "Afficher plus",
     "Rechercher dans les numéros", "Résultats\u00A0: {n}", "Aucun résultat", "Image\u00A0: {alt}",
     "sans description", "Tous les numéros de {title}."},
    // de
    {"{n} Ausgabe", "{n} Ausgaben", "{n} Treffer", "Ausgaben filtern", "Mehr anzeigen", "Ausgaben durchsuchen",
     "{n} Ergebnisse", "Keine Ergebnisse", "Bild: {alt}", "keine Beschreibung", "Alle Ausgaben von {title}."},
    // pt
    {"{n} edição", "{n} edições", "{n} correspondem", "Filtrar edições", "Mostrar mais", "Pesquisar edições",
     "{n} resultados", "Nenhum resultado", "Imagem: {alt}", "sem descrição", "Todas as edições de {title}."},
    // it
    {"{n} numero", "{n} numeri", "{n} corrispondenti", "Filtra i numeri", "Mostra altri", "Cerca nei numeri",
     "{n} risultati", "Nessun risultato", "Immagine: {alt}", "nessuna descrizione",
     "Tutti i numeri di {title}."},
    // ar
    {"عدد الأعداد: {n}", "عدد الأعداد: {n}", "المطابقة: {n}", "تصفية الأعداد", "عرض المزيد", "ابحث في الأعداد",
     "النتائج: {n}", "لا توجد نتائج", "صورة: {alt}", "بلا وصف", "كل أعداد {title}."},
};
static_assert(std::size(kPublicationLabels) == std::size(kLanguages), "one row of publication words per language");
#endif

const Language& english() { return kLanguages[0]; }

// A language's word for the label at `index`, from its row of either table.
std::string_view table_label(const Language& language, std::size_t index) {
  if (index < kFirstPublicationLabel) return language.labels[index];
#if BROADSHEET_WEB_ONLY
  return {};
#else
  auto row = static_cast<std::size_t>(&language - kLanguages);
  return kPublicationLabels[row][index - kFirstPublicationLabel];
#endif
}

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// "pt_BR" -> "pt-br".
std::string normalize_tag(std::string_view lang) {
  std::string out;
  out.reserve(lang.size());
  for (char c : lang) out += c == '_' ? '-' : ascii_lower(c);
  while (!out.empty() && (out.back() == '-' || out.back() == ' ')) out.pop_back();
  while (!out.empty() && (out.front() == '-' || out.front() == ' ')) out.erase(out.begin());
  return out;
}

std::vector<std::string_view> subtags(std::string_view tag) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start <= tag.size()) {
    std::size_t dash = tag.find('-', start);
    if (dash == std::string_view::npos) dash = tag.size();
    out.push_back(tag.substr(start, dash - start));
    start = dash + 1;
  }
  return out;
}

bool same_tag(std::string_view table, std::string_view normalized) {
  if (table.size() != normalized.size()) return false;
  for (std::size_t i = 0; i < table.size(); ++i)
    if (ascii_lower(table[i]) != normalized[i]) return false;
  return true;
}

const Language* find_table(std::string_view normalized) {
  for (const Language& language : kLanguages)
    if (same_tag(language.tag, normalized)) return &language;
  return nullptr;
}

const Language& language_for(std::string_view lang) {
  std::string tag = normalize_tag(lang);
  if (tag.empty()) return english();
  std::vector<std::string_view> parts = subtags(tag);
  if (parts[0] == "zh" || parts[0] == "cmn" || parts[0] == "yue") {
    // Script first (zh-Hant-CN is Traditional), then region; plain zh is Simplified, Cantonese Traditional.
    bool traditional = parts[0] == "yue";
    for (std::size_t i = 1; i < parts.size(); ++i) {
      if (parts[i] == "hant") return *find_table("zh-hant");
      if (parts[i] == "hans") return *find_table("zh-hans");
      if (parts[i] == "tw" || parts[i] == "hk" || parts[i] == "mo") traditional = true;
    }
    return *find_table(traditional ? "zh-hant" : "zh-hans");
  }
  // pt-BR -> pt -> English: drop subtags from the end until a table answers.
  std::string_view candidate = tag;
  while (!candidate.empty()) {
    if (const Language* language = find_table(candidate)) return *language;
    std::size_t dash = candidate.rfind('-');
    if (dash == std::string_view::npos) break;
    candidate = candidate.substr(0, dash);
  }
  return english();
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string digits(int value, bool arabic) {
  std::string ascii = std::to_string(value);
  if (!arabic) return ascii;
  std::string out;
  for (char c : ascii) {  // U+0660..U+0669: D9 A0..D9 A9
    out += '\xD9';
    out += static_cast<char>(0xA0 + (c - '0'));
  }
  return out;
}

bool valid_date(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && !leap) return day <= 28;
  return day <= kDays[month - 1];
}

std::string two(int value) {
  std::string out = std::to_string(value);
  if (value >= 0 && value < 10) out.insert(out.begin(), '0');
  return out;
}

// Spanish writes "e" for "y" before a word that starts with the sound /i/: "Ana e Ignacio", "Luis e
// Hilda", but "agua y hielo" (hie- is /je/).
bool spanish_i_sound(std::string_view word) {
  std::size_t at = (!word.empty() && ascii_lower(word[0]) == 'h') ? 1 : 0;
  std::size_t after = 0;
  if (at < word.size() && ascii_lower(word[at]) == 'i')
    after = at + 1;
  else if (word.substr(at, 2) == "\xC3\xAD" || word.substr(at, 2) == "\xC3\x8D")  // í, Í
    after = at + 2;
  else
    return false;
  if (after >= word.size()) return true;
  char next = ascii_lower(word[after]);
  return next != 'a' && next != 'e' && next != 'o' && next != 'u';
}

}  // namespace

std::string_view label_key(Label label) {
  std::size_t index = static_cast<std::size_t>(label);
  return index < kLabelCount ? kKeys[index] : std::string_view{};
}

std::optional<Label> label_from_key(std::string_view key) {
  for (std::size_t i = 0; i < kLabelCount; ++i)
    if (kKeys[i] == key) return static_cast<Label>(i);
  return std::nullopt;
}

std::string_view label_placeholder(Label label) {
  std::string_view english_label = table_label(english(), static_cast<std::size_t>(label));
  std::size_t open = english_label.find('{');
  if (open == std::string_view::npos) return {};
  return english_label.substr(open, english_label.find('}', open) - open + 1);
}

TextDirection text_direction(std::string_view lang) {
  std::string tag = normalize_tag(lang);
  if (tag.empty()) return TextDirection::Ltr;
  std::vector<std::string_view> parts = subtags(tag);
  // A script subtag decides (ks-Arab, pa-Arab are rtl; az-Latn ltr)...
  static constexpr std::string_view kRtlScripts[] = {"arab", "hebr", "thaa", "syrc", "nkoo",
                                                     "adlm", "rohg", "mand", "samr", "mend"};
  for (std::size_t i = 1; i < parts.size(); ++i) {
    if (parts[i].size() != 4) continue;
    for (std::string_view script : kRtlScripts)
      if (parts[i] == script) return TextDirection::Rtl;
    return TextDirection::Ltr;
  }
  // ...otherwise the language's usual script.
  static constexpr std::string_view kRtlLanguages[] = {"ar", "he", "iw", "fa", "ur", "ps",  "sd",
                                                       "ug", "yi", "dv", "ckb", "syr", "arc", "nqo"};
  for (std::string_view language : kRtlLanguages)
    if (parts[0] == language) return TextDirection::Rtl;
  return TextDirection::Ltr;
}

std::string_view direction_name(TextDirection direction) {
  return direction == TextDirection::Rtl ? "rtl" : "ltr";
}

std::optional<TextDirection> first_strong_direction(std::string_view text) {
  struct Range {
    char32_t first, last;
  };
  static constexpr Range kRtl[] = {{0x0590, 0x08FF}, {0xFB1D, 0xFDFF}, {0xFE70, 0xFEFF}, {0x10800, 0x10FFF},
                                   {0x1E800, 0x1EFFF}};
  // Not strong: marks, general punctuation and symbols, CJK punctuation, variation selectors,
  // full-width punctuation, emoji and pictographs.
  static constexpr Range kNeutral[] = {{0x0300, 0x036F}, {0x2000, 0x2BFF}, {0x2E00, 0x2E7F}, {0x3000, 0x303F},
                                       {0xFE00, 0xFE0F}, {0xFE10, 0xFE6F}, {0xFF00, 0xFF20}, {0xFF3B, 0xFF40},
                                       {0xFF5B, 0xFF65}, {0xFFF0, 0xFFFF}, {0x1F000, 0x1FAFF}, {0xE0000, 0xE01EF}};
  auto in = [](char32_t c, const auto& ranges) {
    for (const Range& range : ranges)
      if (c >= range.first && c <= range.last) return true;
    return false;
  };
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = utf8::next(text, i);
    if (c < 0x80) {
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return TextDirection::Ltr;
      continue;
    }
    if (c < 0xC0 || c == 0xD7 || c == 0xF7) continue;  // Latin-1 punctuation and symbols
    if (in(c, kRtl)) {
      // Arabic-Indic digits and Arabic punctuation are weak or neutral.
      if ((c >= 0x0660 && c <= 0x066C) || (c >= 0x06F0 && c <= 0x06F9) || c == 0x060C || c == 0x061B ||
          c == 0x061F || (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x0591 && c <= 0x05BD))
        continue;
      return TextDirection::Rtl;
    }
    if (in(c, kNeutral)) continue;
    return TextDirection::Ltr;
  }
  return std::nullopt;
}

Locale Locale::resolve(std::string_view lang, std::span<const LabelOverride> overrides,
                       std::vector<LabelProblem>* problems) {
  static_assert(kLabelCount <= 64, "overridden_ has one bit per label");
  Locale locale;
  const Language& language = language_for(lang);
  locale.table_ = language.tag;
  locale.data_ = &language;
  locale.direction_ = text_direction(lang);
  for (const LabelOverride& entry : overrides) {
    std::optional<Label> label = label_from_key(entry.key);
    if (!label) {
      if (problems) {
        std::string message = "unknown label \"" + entry.key + "\"";
        std::string_view nearest;
        std::size_t best = 3;  // suggest only near misses
        for (std::string_view key : kKeys) {
          std::size_t distance = edit_distance(entry.key, key);
          if (distance < best) best = distance, nearest = key;
        }
        if (!nearest.empty()) message += " (did you mean \"" + std::string(nearest) + "\"?)";
        problems->push_back({entry.key, std::move(message)});
      }
      continue;
    }
    std::string_view placeholder = label_placeholder(*label);
    if (problems && !placeholder.empty() && entry.value.find(placeholder) == std::string::npos)
      problems->push_back({entry.key, "label \"" + entry.key + "\" has no " + std::string(placeholder) +
                                          ": the value will not be shown"});
    std::size_t index = static_cast<std::size_t>(*label);
    locale.overrides_[index] = entry.value;
    locale.overridden_ |= std::uint64_t{1} << index;
  }
  return locale;
}

std::string_view Locale::label(Label label) const {
  std::size_t index = static_cast<std::size_t>(label);
  if (index >= kLabelCount) return {};
  if (overridden_ & (std::uint64_t{1} << index)) return overrides_[index];
  return table_label(*static_cast<const Language*>(data_ ? data_ : &english()), index);
}

std::string Locale::format(Label label, std::string_view value) const {
  std::string_view text = this->label(label);
  std::string_view placeholder = label_placeholder(label);
  std::size_t at = placeholder.empty() ? std::string_view::npos : text.find(placeholder);
  if (at == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size() + value.size());
  out.append(text.substr(0, at)).append(value).append(text.substr(at + placeholder.size()));
  return out;
}

std::string Locale::issue_link(std::string_view number, std::string_view title) const {
  if (number.empty()) return std::string(title);
  return format(Label::IssueNumber, number).append(label(Label::Colon)).append(title);
}

std::string Locale::date(int year, int month, int day) const {
  if (!valid_date(year, month, day)) return std::to_string(year) + "-" + two(month) + "-" + two(day);
  const Language& language = *static_cast<const Language*>(data_ ? data_ : &english());
  std::string_view pattern = language.date_pattern;
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}') {
      switch (pattern[i + 1]) {
        case 'd':
          out += (day == 1 && !language.first_day.empty()) ? std::string(language.first_day)
                                                           : digits(day, language.arabic_digits);
          break;
        case 'm': out += digits(month, language.arabic_digits); break;
        case 'M': out += language.months[month - 1]; break;
        case 'y': out += digits(year, language.arabic_digits); break;
        default: out.append(pattern.substr(i, 3)); break;
      }
      i += 2;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

std::string Locale::date(std::string_view iso) const {
  auto number = [&](std::size_t from, std::size_t count, int& value) {
    value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return false;
      value = value * 10 + (iso[i] - '0');
    }
    return true;
  };
  int year = 0, month = 0, day = 0;
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-' || !number(0, 4, year) || !number(5, 2, month) ||
      !number(8, 2, day) || !valid_date(year, month, day))
    return std::string(iso);
  return date(year, month, day);
}

std::string Locale::join(std::span<const std::string> items) const {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      bool last = i + 1 == items.size();
      bool and_overridden = overridden_ & (std::uint64_t{1} << static_cast<std::size_t>(Label::And));
      if (last && table_ == "es" && !and_overridden && spanish_i_sound(items[i]))
        out += " e ";
      else
        out += label(last ? Label::And : Label::ListSeparator);
    }
    out += items[i];
  }
  return out;
}

std::vector<std::string_view> locale_tables() {
  std::vector<std::string_view> out;
  for (const Language& language : kLanguages) out.push_back(language.tag);
  return out;
}

}  // namespace broadsheet
