"""The words of generated titles: the same nouns and adjectives in each language.

A title is a concept (noun; adjective + noun; noun and noun), rendered in every language
with its grammar, so an English release title is the translation of the original and a
remake in another language carries the same title. The tables are parallel: index ``i`` is
the same word in every language.
"""

NOUNS_EN = (
    "River", "Night", "City", "Dream", "House", "Sky", "Heart", "Journey", "Rain", "Letter",
    "Song", "Story", "Moon", "Sea", "Sun", "Star", "Road", "Winter", "Summer", "Garden",
    "Mountain", "Island", "Mirror", "Wind", "Bridge", "Father", "Mother", "Daughter", "Son",
    "Friend", "Stranger", "King", "Soldier", "Promise", "Memory", "Miracle", "Gift", "Wedding",
)  # fmt: skip
ADJECTIVES_EN = (
    "Silent", "Last", "Red", "White", "Long", "Little", "Lost", "Secret", "Cold", "Golden",
    "Dark", "First", "Beautiful", "Wild", "Hidden", "Old", "Eternal", "Forgotten",
)  # fmt: skip

# Korean: (Hangul, Revised Romanization).
NOUNS_KO = (
    ("강", "gang"), ("밤", "bam"), ("도시", "dosi"), ("꿈", "kkum"), ("집", "jip"),
    ("하늘", "haneul"), ("마음", "maeum"), ("여행", "yeohaeng"), ("비", "bi"),
    ("편지", "pyeonji"), ("노래", "norae"), ("이야기", "iyagi"), ("달", "dal"),
    ("바다", "bada"), ("태양", "taeyang"), ("별", "byeol"), ("길", "gil"), ("겨울", "gyeoul"),
    ("여름", "yeoreum"), ("정원", "jeongwon"), ("산", "san"), ("섬", "seom"),
    ("거울", "geoul"), ("바람", "baram"), ("다리", "dari"), ("아버지", "abeoji"),
    ("어머니", "eomeoni"), ("딸", "ttal"), ("아들", "adeul"), ("친구", "chingu"),
    ("이방인", "ibangin"), ("왕", "wang"), ("군인", "gunin"), ("약속", "yaksok"),
    ("기억", "gieok"), ("기적", "gijeok"), ("선물", "seonmul"), ("결혼식", "gyeolhonsik"),
)  # fmt: skip
ADJECTIVES_KO = (
    ("조용한", "joyonghan"), ("마지막", "majimak"), ("붉은", "bulgeun"), ("하얀", "hayan"),
    ("긴", "gin"), ("작은", "jageun"), ("잃어버린", "ireobeorin"), ("비밀의", "bimirui"),
    ("차가운", "chagaun"), ("황금", "hwanggeum"), ("어두운", "eoduun"), ("첫", "cheot"),
    ("아름다운", "areumdaun"), ("거친", "geochin"), ("숨겨진", "sumgyeojin"),
    ("오래된", "oraedoen"), ("영원한", "yeongwonhan"), ("잊혀진", "ichyeojin"),
)  # fmt: skip

# Russian: (noun, gender); adjectives (masculine, feminine, neuter).
NOUNS_RU = (
    ("река", "f"), ("ночь", "f"), ("город", "m"), ("мечта", "f"), ("дом", "m"), ("небо", "n"),
    ("сердце", "n"), ("путешествие", "n"), ("дождь", "m"), ("письмо", "n"), ("песня", "f"),
    ("история", "f"), ("луна", "f"), ("море", "n"), ("солнце", "n"), ("звезда", "f"),
    ("дорога", "f"), ("зима", "f"), ("лето", "n"), ("сад", "m"), ("гора", "f"),
    ("остров", "m"), ("зеркало", "n"), ("ветер", "m"), ("мост", "m"), ("отец", "m"),
    ("мать", "f"), ("дочь", "f"), ("сын", "m"), ("друг", "m"), ("незнакомец", "m"),
    ("король", "m"), ("солдат", "m"), ("обещание", "n"), ("память", "f"), ("чудо", "n"),
    ("подарок", "m"), ("свадьба", "f"),
)  # fmt: skip
ADJECTIVES_RU = (
    ("тихий", "тихая", "тихое"), ("последний", "последняя", "последнее"),
    ("красный", "красная", "красное"), ("белый", "белая", "белое"),
    ("долгий", "долгая", "долгое"), ("маленький", "маленькая", "маленькое"),
    ("потерянный", "потерянная", "потерянное"), ("тайный", "тайная", "тайное"),
    ("холодный", "холодная", "холодное"), ("золотой", "золотая", "золотое"),
    ("тёмный", "тёмная", "тёмное"), ("первый", "первая", "первое"),
    ("прекрасный", "прекрасная", "прекрасное"), ("дикий", "дикая", "дикое"),
    ("скрытый", "скрытая", "скрытое"), ("старый", "старая", "старое"),
    ("вечный", "вечная", "вечное"), ("забытый", "забытая", "забытое"),
)  # fmt: skip

# Greek: (noun, gender); adjectives (masculine, feminine, neuter).
NOUNS_EL = (
    ("ποτάμι", "n"), ("νύχτα", "f"), ("πόλη", "f"), ("όνειρο", "n"), ("σπίτι", "n"),
    ("ουρανός", "m"), ("καρδιά", "f"), ("ταξίδι", "n"), ("βροχή", "f"), ("γράμμα", "n"),
    ("τραγούδι", "n"), ("ιστορία", "f"), ("φεγγάρι", "n"), ("θάλασσα", "f"), ("ήλιος", "m"),
    ("αστέρι", "n"), ("δρόμος", "m"), ("χειμώνας", "m"), ("καλοκαίρι", "n"), ("κήπος", "m"),
    ("βουνό", "n"), ("νησί", "n"), ("καθρέφτης", "m"), ("άνεμος", "m"), ("γέφυρα", "f"),
    ("πατέρας", "m"), ("μητέρα", "f"), ("κόρη", "f"), ("γιος", "m"), ("φίλος", "m"),
    ("ξένος", "m"), ("βασιλιάς", "m"), ("στρατιώτης", "m"), ("υπόσχεση", "f"),
    ("μνήμη", "f"), ("θαύμα", "n"), ("δώρο", "n"), ("γάμος", "m"),
)  # fmt: skip
ADJECTIVES_EL = (
    ("σιωπηλός", "σιωπηλή", "σιωπηλό"), ("τελευταίος", "τελευταία", "τελευταίο"),
    ("κόκκινος", "κόκκινη", "κόκκινο"), ("λευκός", "λευκή", "λευκό"),
    ("μακρύς", "μακριά", "μακρύ"), ("μικρός", "μικρή", "μικρό"),
    ("χαμένος", "χαμένη", "χαμένο"), ("μυστικός", "μυστική", "μυστικό"),
    ("κρύος", "κρύα", "κρύο"), ("χρυσός", "χρυσή", "χρυσό"),
    ("σκοτεινός", "σκοτεινή", "σκοτεινό"), ("πρώτος", "πρώτη", "πρώτο"),
    ("όμορφος", "όμορφη", "όμορφο"), ("άγριος", "άγρια", "άγριο"),
    ("κρυμμένος", "κρυμμένη", "κρυμμένο"), ("παλιός", "παλιά", "παλιό"),
    ("αιώνιος", "αιώνια", "αιώνιο"), ("ξεχασμένος", "ξεχασμένη", "ξεχασμένο"),
)  # fmt: skip
ARTICLES_EL = {"m": "ο", "f": "η", "n": "το"}

# Hindi: (noun, gender, romanization); adjectives (masculine, feminine, romanizations).
NOUNS_HI = (
    ("नदी", "f", "Nadi"), ("रात", "f", "Raat"), ("शहर", "m", "Shehar"),
    ("सपना", "m", "Sapna"), ("घर", "m", "Ghar"), ("आसमान", "m", "Aasmaan"),
    ("दिल", "m", "Dil"), ("सफ़र", "m", "Safar"), ("बारिश", "f", "Baarish"),
    ("ख़त", "m", "Khat"), ("गीत", "m", "Geet"), ("कहानी", "f", "Kahaani"),
    ("चाँद", "m", "Chaand"), ("समंदर", "m", "Samandar"), ("सूरज", "m", "Sooraj"),
    ("सितारा", "m", "Sitaara"), ("सड़क", "f", "Sadak"), ("सर्दी", "f", "Sardi"),
    ("गर्मी", "f", "Garmi"), ("बाग़", "m", "Baagh"), ("पहाड़", "m", "Pahaad"),
    ("द्वीप", "m", "Dweep"), ("आईना", "m", "Aaina"), ("हवा", "f", "Hawa"),
    ("पुल", "m", "Pul"), ("पिता", "m", "Pita"), ("माँ", "f", "Maa"), ("बेटी", "f", "Beti"),
    ("बेटा", "m", "Beta"), ("दोस्त", "m", "Dost"), ("अजनबी", "m", "Ajnabi"),
    ("राजा", "m", "Raja"), ("सिपाही", "m", "Sipahi"), ("वादा", "m", "Vaada"),
    ("याद", "f", "Yaad"), ("चमत्कार", "m", "Chamatkaar"), ("तोहफ़ा", "m", "Tohfa"),
    ("शादी", "f", "Shaadi"),
)  # fmt: skip
ADJECTIVES_HI = (
    ("ख़ामोश", "ख़ामोश", "Khamosh", "Khamosh"), ("आख़िरी", "आख़िरी", "Aakhri", "Aakhri"),
    ("लाल", "लाल", "Laal", "Laal"), ("सफ़ेद", "सफ़ेद", "Safed", "Safed"),
    ("लंबा", "लंबी", "Lamba", "Lambi"), ("छोटा", "छोटी", "Chhota", "Chhoti"),
    ("खोया", "खोई", "Khoya", "Khoi"), ("गुप्त", "गुप्त", "Gupt", "Gupt"),
    ("ठंडा", "ठंडी", "Thanda", "Thandi"), ("सुनहरा", "सुनहरी", "Sunehra", "Sunehri"),
    ("अँधेरा", "अँधेरी", "Andhera", "Andheri"), ("पहला", "पहली", "Pehla", "Pehli"),
    ("ख़ूबसूरत", "ख़ूबसूरत", "Khoobsurat", "Khoobsurat"), ("जंगली", "जंगली", "Jangli", "Jangli"),
    ("छिपा", "छिपी", "Chhipa", "Chhipi"), ("पुराना", "पुरानी", "Purana", "Purani"),
    ("अनंत", "अनंत", "Anant", "Anant"), ("भूला", "भूली", "Bhoola", "Bhooli"),
)  # fmt: skip

NOUNS_TR = (
    "Nehir", "Gece", "Şehir", "Rüya", "Ev", "Gökyüzü", "Kalp", "Yolculuk", "Yağmur", "Mektup",
    "Şarkı", "Hikâye", "Ay", "Deniz", "Güneş", "Yıldız", "Yol", "Kış", "Yaz", "Bahçe", "Dağ",
    "Ada", "Ayna", "Rüzgâr", "Köprü", "Baba", "Anne", "Kız", "Oğul", "Arkadaş", "Yabancı",
    "Kral", "Asker", "Söz", "Hatıra", "Mucize", "Hediye", "Düğün",
)  # fmt: skip
ADJECTIVES_TR = (
    "Sessiz", "Son", "Kırmızı", "Beyaz", "Uzun", "Küçük", "Kayıp", "Gizli", "Soğuk", "Altın",
    "Karanlık", "İlk", "Güzel", "Vahşi", "Saklı", "Eski", "Sonsuz", "Unutulmuş",
)  # fmt: skip

# French: (noun, gender); adjectives (masculine, feminine, masculine before a vowel,
# placed before the noun).
NOUNS_FR = (
    ("rivière", "f"), ("nuit", "f"), ("ville", "f"), ("rêve", "m"), ("maison", "f"),
    ("ciel", "m"), ("cœur", "m"), ("voyage", "m"), ("pluie", "f"), ("lettre", "f"),
    ("chanson", "f"), ("histoire", "f"), ("lune", "f"), ("mer", "f"), ("soleil", "m"),
    ("étoile", "f"), ("route", "f"), ("hiver", "m"), ("été", "m"), ("jardin", "m"),
    ("montagne", "f"), ("île", "f"), ("miroir", "m"), ("vent", "m"), ("pont", "m"),
    ("père", "m"), ("mère", "f"), ("fille", "f"), ("fils", "m"), ("ami", "m"),
    ("étranger", "m"), ("roi", "m"), ("soldat", "m"), ("promesse", "f"), ("mémoire", "f"),
    ("miracle", "m"), ("cadeau", "m"), ("mariage", "m"),
)  # fmt: skip
ADJECTIVES_FR = (
    ("silencieux", "silencieuse", None, False), ("dernier", "dernière", None, True),
    ("rouge", "rouge", None, False), ("blanc", "blanche", None, False),
    ("long", "longue", None, True), ("petit", "petite", None, True),
    ("perdu", "perdue", None, False), ("secret", "secrète", None, False),
    ("froid", "froide", None, False), ("doré", "dorée", None, False),
    ("sombre", "sombre", None, False), ("premier", "première", None, True),
    ("beau", "belle", "bel", True), ("sauvage", "sauvage", None, False),
    ("caché", "cachée", None, False), ("vieux", "vieille", "vieil", True),
    ("éternel", "éternelle", None, False), ("oublié", "oubliée", None, False),
)  # fmt: skip

# Spanish: (noun, gender); adjectives (masculine, feminine, placed before the noun).
NOUNS_ES = (
    ("río", "m"), ("noche", "f"), ("ciudad", "f"), ("sueño", "m"), ("casa", "f"),
    ("cielo", "m"), ("corazón", "m"), ("viaje", "m"), ("lluvia", "f"), ("carta", "f"),
    ("canción", "f"), ("historia", "f"), ("luna", "f"), ("mar", "m"), ("sol", "m"),
    ("estrella", "f"), ("camino", "m"), ("invierno", "m"), ("verano", "m"), ("jardín", "m"),
    ("montaña", "f"), ("isla", "f"), ("espejo", "m"), ("viento", "m"), ("puente", "m"),
    ("padre", "m"), ("madre", "f"), ("hija", "f"), ("hijo", "m"), ("amigo", "m"),
    ("forastero", "m"), ("rey", "m"), ("soldado", "m"), ("promesa", "f"), ("recuerdo", "m"),
    ("milagro", "m"), ("regalo", "m"), ("boda", "f"),
)  # fmt: skip
ADJECTIVES_ES = (
    ("silencioso", "silenciosa", False), ("último", "última", True), ("rojo", "roja", False),
    ("blanco", "blanca", False), ("largo", "larga", True), ("pequeño", "pequeña", True),
    ("perdido", "perdida", False), ("secreto", "secreta", False), ("frío", "fría", False),
    ("dorado", "dorada", False), ("oscuro", "oscura", False), ("primer", "primera", True),
    ("hermoso", "hermosa", False), ("salvaje", "salvaje", False),
    ("escondido", "escondida", False), ("viejo", "vieja", False),
    ("eterno", "eterna", False), ("olvidado", "olvidada", False),
)  # fmt: skip

# Japanese: (kanji or kana, Hepburn romanization); adjectives stand before the noun.
NOUNS_JA = (
    ("川", "kawa"), ("夜", "yoru"), ("街", "machi"), ("夢", "yume"), ("家", "ie"),
    ("空", "sora"), ("心", "kokoro"), ("旅", "tabi"), ("雨", "ame"), ("手紙", "tegami"),
    ("歌", "uta"), ("物語", "monogatari"), ("月", "tsuki"), ("海", "umi"), ("太陽", "taiyō"),
    ("星", "hoshi"), ("道", "michi"), ("冬", "fuyu"), ("夏", "natsu"), ("庭", "niwa"),
    ("山", "yama"), ("島", "shima"), ("鏡", "kagami"), ("風", "kaze"), ("橋", "hashi"),
    ("父", "chichi"), ("母", "haha"), ("娘", "musume"), ("息子", "musuko"), ("友", "tomo"),
    ("よそ者", "yosomono"), ("王", "ō"), ("兵士", "heishi"), ("約束", "yakusoku"),
    ("記憶", "kioku"), ("奇跡", "kiseki"), ("贈り物", "okurimono"), ("結婚式", "kekkonshiki"),
)  # fmt: skip
ADJECTIVES_JA = (
    ("静かな", "shizuka na"), ("最後の", "saigo no"), ("赤い", "akai"), ("白い", "shiroi"),
    ("長い", "nagai"), ("小さな", "chiisana"), ("失われた", "ushinawareta"),
    ("秘密の", "himitsu no"), ("冷たい", "tsumetai"), ("黄金の", "ōgon no"), ("暗い", "kurai"),
    ("最初の", "saisho no"), ("美しい", "utsukushii"), ("野生の", "yasei no"),
    ("隠された", "kakusareta"), ("古い", "furui"), ("永遠の", "eien no"),
    ("忘れられた", "wasurerareta"),
)  # fmt: skip

# Chinese: (simplified hanzi, Hanyu Pinyin); adjectives stand before the noun.
NOUNS_ZH = (
    ("河", "hé"), ("夜", "yè"), ("城市", "chéngshì"), ("梦", "mèng"), ("房子", "fángzi"),
    ("天空", "tiānkōng"), ("心", "xīn"), ("旅程", "lǚchéng"), ("雨", "yǔ"), ("信", "xìn"),
    ("歌", "gē"), ("故事", "gùshi"), ("月亮", "yuèliang"), ("海", "hǎi"), ("太阳", "tàiyáng"),
    ("星星", "xīngxing"), ("路", "lù"), ("冬天", "dōngtiān"), ("夏天", "xiàtiān"),
    ("花园", "huāyuán"), ("山", "shān"), ("岛", "dǎo"), ("镜子", "jìngzi"), ("风", "fēng"),
    ("桥", "qiáo"), ("父亲", "fùqīn"), ("母亲", "mǔqīn"), ("女儿", "nǚ'ér"), ("儿子", "érzi"),
    ("朋友", "péngyou"), ("陌生人", "mòshēngrén"), ("国王", "guówáng"), ("士兵", "shìbīng"),
    ("承诺", "chéngnuò"), ("记忆", "jìyì"), ("奇迹", "qíjì"), ("礼物", "lǐwù"), ("婚礼", "hūnlǐ"),
)  # fmt: skip
ADJECTIVES_ZH = (
    ("沉默的", "chénmò de"), ("最后的", "zuìhòu de"), ("红色的", "hóngsè de"),
    ("白色的", "báisè de"), ("漫长的", "màncháng de"), ("小", "xiǎo"), ("失落的", "shīluò de"),
    ("秘密的", "mìmì de"), ("寒冷的", "hánlěng de"), ("金色的", "jīnsè de"),
    ("黑暗的", "hēi'àn de"), ("最初的", "zuìchū de"), ("美丽的", "měilì de"),
    ("狂野的", "kuángyě de"), ("隐藏的", "yǐncáng de"), ("古老的", "gǔlǎo de"),
    ("永恒的", "yǒnghéng de"), ("被遗忘的", "bèi yíwàng de"),
)  # fmt: skip
