"""People's and characters' names of each culture.

``NAMES[code]`` is (men's given names, women's given names, surnames): given names are
(Latin, original script or ""), surnames (Latin masculine, original masculine, Latin
feminine, original feminine, other spelling or None), since Russian and Greek surnames
change with gender and Korean ones have several romanizations.
"""

from .romanize import romanize_el, romanize_ru

_EN_MEN = (
    "James John Robert Michael William David Richard Thomas Charles Daniel Matthew Anthony "
    "Mark Paul Steven Andrew Kevin Brian George Edward Peter Henry Samuel Oliver Jack Harry "
    "Frank Walter Arthur Raymond"
)
_EN_WOMEN = (
    "Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Emily Emma "
    "Olivia Grace Alice Laura Rachel Hannah Claire Kate Lucy Helen Margaret Dorothy Ruth "
    "Evelyn Joan Anne Julia Charlotte"
)
_EN_SURNAMES = (
    "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore "
    "Jackson Martin Lee Thompson White Harris Clark Lewis Robinson Walker Young Allen King "
    "Wright Scott Hill Green Adams Baker Nelson Carter Mitchell Roberts Turner Phillips "
    "Campbell Parker Evans Edwards Collins Stewart Morris Murphy Cook Rogers Morgan Cooper "
    "Reed Bailey Bell Kelly Howard Ward Cox Hughes O'Brien Fletcher Hayes"
)
_FR_MEN = (
    "Jean Pierre Michel François Luc Étienne Jérôme André Julien Nicolas Sébastien Gaël Noël "
    "Théo Hugo Mathieu"
)
_FR_WOMEN = (
    "Hélène Élodie Chloé Camille Amélie Zoé Océane Léa Manon Inès Juliette Margaux Béatrice "
    "Cécile Agnès Sophie"
)
_FR_SURNAMES = (
    "Martin Bernard Dubois Thomas Robert Richard Petit Durand Lefèvre Moreau Laurent Simon "
    "Michel Rousseau Mercier Fournier Girard Bonnet Leroy Gauthier Chevalier Lévêque Bélanger "
    "Géraud Faure André Blanchard Garnier Barbier Perrin"
)
_ES_MEN = (
    "José Jesús Ángel Raúl Sebastián Andrés Martín Tomás Joaquín Iñaki Javier Álvaro Óscar "
    "Rubén Diego Pablo"
)
_ES_WOMEN = (
    "María Lucía Sofía Inés Begoña Ana Carmen Elena Mónica Verónica Pilar Rocío Marta Paula "
    "Ainhoa Nuria"
)
_ES_SURNAMES = (
    "García Fernández González Rodríguez López Martínez Sánchez Pérez Gómez Jiménez "
    "Hernández Díaz Muñoz Álvarez Romero Núñez Ibáñez Peña Gutiérrez Ortiz Castillo Vázquez "
    "Ramírez Domínguez"
)
_TR_MEN = (
    "Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim İsmail Osman Yusuf Murat Ömer Barış "
    "Gökhan Çağan Uğur Şükrü Emre Can Tolga"
)
_TR_WOMEN = (
    "Ayşe Fatma Emine Hatice Zeynep Elif Meryem Şerife Özge Gülşen Çiğdem Işıl Büşra Dilek "
    "Şule İpek Ebru Nur Sıla Derya"
)
_TR_SURNAMES = (
    "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç "
    "Aslan Çetin Kara Koç Kurt Özkan Şimşek Polat Erdem Güneş Aksoy Tekin"
)
_KO_SURNAMES = (
    ("김", "Kim", None), ("이", "Lee", "Yi"), ("박", "Park", "Pak"), ("최", "Choi", "Choe"),
    ("정", "Jung", "Jeong"), ("강", "Kang", "Gang"), ("조", "Cho", "Jo"), ("윤", "Yoon", "Yun"),
    ("장", "Jang", "Chang"), ("임", "Lim", "Im"), ("한", "Han", None), ("오", "Oh", "O"),
    ("서", "Seo", "Suh"), ("신", "Shin", "Sin"), ("권", "Kwon", "Gwon"), ("황", "Hwang", None),
    ("안", "Ahn", "An"), ("송", "Song", None), ("류", "Ryu", "Yoo"), ("홍", "Hong", None),
)  # fmt: skip
_KO_MEN = (
    ("민준", "Min-jun"), ("서준", "Seo-jun"), ("도윤", "Do-yoon"), ("예준", "Ye-jun"),
    ("시우", "Si-woo"), ("하준", "Ha-jun"), ("지호", "Ji-ho"), ("주원", "Ju-won"),
    ("준우", "Jun-woo"), ("현우", "Hyun-woo"), ("건우", "Geon-woo"), ("우진", "Woo-jin"),
    ("성민", "Sung-min"), ("동현", "Dong-hyun"), ("재현", "Jae-hyun"), ("상훈", "Sang-hoon"),
    ("영수", "Young-soo"), ("정호", "Jung-ho"),
)  # fmt: skip
_KO_WOMEN = (
    ("서연", "Seo-yeon"), ("서윤", "Seo-yoon"), ("지우", "Ji-woo"), ("서현", "Seo-hyun"),
    ("민서", "Min-seo"), ("하은", "Ha-eun"), ("하윤", "Ha-yoon"), ("윤서", "Yoon-seo"),
    ("지민", "Ji-min"), ("채원", "Chae-won"), ("수아", "Su-a"), ("지아", "Ji-a"),
    ("다은", "Da-eun"), ("은지", "Eun-ji"), ("수진", "Su-jin"), ("혜진", "Hye-jin"),
    ("미영", "Mi-young"), ("예린", "Ye-rin"),
)  # fmt: skip
_RU_MEN = "Александр Алексей Андрей Дмитрий Иван Михаил Николай Сергей Владимир Юрий Павел Фёдор"
_RU_WOMEN = "Анна Мария Елена Ольга Наталья Татьяна Ирина Екатерина Светлана Юлия Ксения Дарья"
_RU_SURNAMES = (
    "Иванов Смирнов Кузнецов Попов Соколов Лебедев Козлов Новиков Морозов Петров Волков "
    "Соловьёв Васильев Зайцев Павлов Семёнов Голубев Виноградов Богданов Никитин"
)
_EL_MEN = (
    "Γιώργος Δημήτρης Κωνσταντίνος Γιάννης Νίκος Παναγιώτης Βασίλης Χρήστος Αθανάσιος "
    "Μιχάλης Σπύρος Άγγελος"
)
_EL_WOMEN = (
    "Μαρία Ελένη Αικατερίνη Βασιλική Σοφία Αγγελική Δήμητρα Γεωργία Ειρήνη Χριστίνα "
    "Αναστασία Ευαγγελία"
)
_EL_SURNAMES = (
    ("Παπαδόπουλος", "Παπαδοπούλου"), ("Βλάχος", "Βλάχου"), ("Αγγελόπουλος", "Αγγελοπούλου"),
    ("Νικολάου", "Νικολάου"), ("Γεωργίου", "Γεωργίου"), ("Οικονόμου", "Οικονόμου"),
    ("Παπαδάκης", "Παπαδάκη"), ("Μακρής", "Μακρή"), ("Αντωνίου", "Αντωνίου"),
    ("Δημητρίου", "Δημητρίου"), ("Ιωάννου", "Ιωάννου"), ("Καραγιάννης", "Καραγιάννη"),
    ("Παππάς", "Παππά"), ("Μαυρίδης", "Μαυρίδου"), ("Κωνσταντίνου", "Κωνσταντίνου"),
    ("Πετρόπουλος", "Πετροπούλου"),
)  # fmt: skip
_HI_MEN = (
    ("राहुल", "Rahul"), ("अमित", "Amit"), ("विजय", "Vijay"), ("सुनील", "Sunil"), ("रवि", "Ravi"),
    ("अर्जुन", "Arjun"), ("संजय", "Sanjay"), ("विक्रम", "Vikram"), ("आदित्य", "Aditya"),
    ("करण", "Karan"), ("रोहित", "Rohit"), ("मनोज", "Manoj"), ("अनिल", "Anil"), ("दीपक", "Deepak"),
)  # fmt: skip
_HI_WOMEN = (
    ("प्रिया", "Priya"), ("अनीता", "Anita"), ("दीपिका", "Deepika"), ("पूजा", "Pooja"),
    ("नेहा", "Neha"), ("कविता", "Kavita"), ("सुनीता", "Sunita"), ("अंजलि", "Anjali"),
    ("रेखा", "Rekha"), ("माधुरी", "Madhuri"), ("श्रेया", "Shreya"), ("सीमा", "Seema"),
    ("रीना", "Reena"), ("स्मिता", "Smita"),
)  # fmt: skip
_HI_SURNAMES = (
    ("शर्मा", "Sharma"), ("वर्मा", "Verma"), ("कपूर", "Kapoor"), ("खन्ना", "Khanna"),
    ("गुप्ता", "Gupta"), ("सिंह", "Singh"), ("मल्होत्रा", "Malhotra"), ("जोशी", "Joshi"),
    ("मेहता", "Mehta"), ("चौधरी", "Chaudhary"), ("पटेल", "Patel"), ("मिश्रा", "Mishra"),
    ("त्रिपाठी", "Tripathi"), ("अग्रवाल", "Agarwal"), ("देशमुख", "Deshmukh"), ("नायर", "Nair"),
    ("कुमार", "Kumar"), ("सक्सेना", "Saxena"),
)  # fmt: skip


# Japanese: (kanji or kana, Latin as international credits write it, without macrons).
_JA_SURNAMES = (
    ("佐藤", "Sato"), ("鈴木", "Suzuki"), ("高橋", "Takahashi"), ("田中", "Tanaka"),
    ("伊藤", "Ito"), ("渡辺", "Watanabe"), ("山本", "Yamamoto"), ("中村", "Nakamura"),
    ("小林", "Kobayashi"), ("加藤", "Kato"), ("吉田", "Yoshida"), ("山田", "Yamada"),
    ("佐々木", "Sasaki"), ("山口", "Yamaguchi"), ("松本", "Matsumoto"), ("井上", "Inoue"),
    ("木村", "Kimura"), ("林", "Hayashi"), ("清水", "Shimizu"), ("黒澤", "Kurosawa"),
)  # fmt: skip
_JA_MEN = (
    ("健太", "Kenta"), ("翔太", "Shota"), ("大輔", "Daisuke"), ("拓也", "Takuya"),
    ("浩", "Hiroshi"), ("隆", "Takashi"), ("誠", "Makoto"), ("健一", "Kenichi"),
    ("和也", "Kazuya"), ("直樹", "Naoki"), ("雄一", "Yuichi"), ("俊介", "Shunsuke"),
    ("陽斗", "Haruto"), ("蓮", "Ren"), ("悠真", "Yuma"), ("修", "Osamu"),
)  # fmt: skip
_JA_WOMEN = (
    ("陽子", "Yoko"), ("恵子", "Keiko"), ("由美", "Yumi"), ("直美", "Naomi"),
    ("美咲", "Misaki"), ("さくら", "Sakura"), ("結衣", "Yui"), ("葵", "Aoi"),
    ("ひかり", "Hikari"), ("明美", "Akemi"), ("智子", "Tomoko"), ("裕子", "Yuko"),
    ("みどり", "Midori"), ("舞", "Mai"), ("花子", "Hanako"), ("陽菜", "Hina"),
)  # fmt: skip
# Chinese: (simplified hanzi, Pinyin as credits write it, without tone marks).
_ZH_SURNAMES = (
    ("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"),
    ("杨", "Yang"), ("黄", "Huang"), ("赵", "Zhao"), ("吴", "Wu"), ("周", "Zhou"),
    ("徐", "Xu"), ("孙", "Sun"), ("马", "Ma"), ("朱", "Zhu"), ("胡", "Hu"), ("郭", "Guo"),
    ("何", "He"), ("林", "Lin"), ("高", "Gao"), ("罗", "Luo"),
)  # fmt: skip
_ZH_MEN = (
    ("伟", "Wei"), ("强", "Qiang"), ("磊", "Lei"), ("军", "Jun"), ("勇", "Yong"),
    ("杰", "Jie"), ("涛", "Tao"), ("明", "Ming"), ("超", "Chao"), ("志强", "Zhiqiang"),
    ("建华", "Jianhua"), ("国强", "Guoqiang"), ("晓东", "Xiaodong"), ("文博", "Wenbo"),
    ("子轩", "Zixuan"), ("浩然", "Haoran"),
)  # fmt: skip
_ZH_WOMEN = (
    ("芳", "Fang"), ("娜", "Na"), ("敏", "Min"), ("静", "Jing"), ("丽", "Li"), ("艳", "Yan"),
    ("娟", "Juan"), ("霞", "Xia"), ("秀英", "Xiuying"), ("玉兰", "Yulan"), ("桂英", "Guiying"),
    ("晓红", "Xiaohong"), ("丽华", "Lihua"), ("雨桐", "Yutong"), ("欣怡", "Xinyi"),
    ("梓涵", "Zihan"),
)  # fmt: skip


def _latin_names(words):
    return tuple((word, "") for word in words.split())


def _latin_surnames(words):
    return tuple((word, "", word, "", None) for word in words.split())


def _scripted(names, surnames):
    """Given names and surnames that are (original, Latin) pairs and do not change with
    gender."""
    return (
        tuple((latin, original) for original, latin in names[0]),
        tuple((latin, original) for original, latin in names[1]),
        tuple((latin, original, latin, original, None) for original, latin in surnames),
    )


NAMES = {
    "en": (_latin_names(_EN_MEN), _latin_names(_EN_WOMEN), _latin_surnames(_EN_SURNAMES)),
    "fr": (_latin_names(_FR_MEN), _latin_names(_FR_WOMEN), _latin_surnames(_FR_SURNAMES)),
    "es": (_latin_names(_ES_MEN), _latin_names(_ES_WOMEN), _latin_surnames(_ES_SURNAMES)),
    "tr": (_latin_names(_TR_MEN), _latin_names(_TR_WOMEN), _latin_surnames(_TR_SURNAMES)),
    "ko": (
        tuple((latin, hangul) for hangul, latin in _KO_MEN),
        tuple((latin, hangul) for hangul, latin in _KO_WOMEN),
        tuple((latin, hangul, latin, hangul, alt) for hangul, latin, alt in _KO_SURNAMES),
    ),
    "ru": (
        tuple((romanize_ru(name), name) for name in _RU_MEN.split()),
        tuple((romanize_ru(name), name) for name in _RU_WOMEN.split()),
        tuple(
            (romanize_ru(name), name, romanize_ru(name + "а"), name + "а", None)
            for name in _RU_SURNAMES.split()
        ),
    ),
    "el": (
        tuple((romanize_el(name), name) for name in _EL_MEN.split()),
        tuple((romanize_el(name), name) for name in _EL_WOMEN.split()),
        tuple(
            (romanize_el(male), male, romanize_el(female), female, None)
            for male, female in _EL_SURNAMES
        ),
    ),
    "hi": _scripted((_HI_MEN, _HI_WOMEN), _HI_SURNAMES),
    "ja": _scripted((_JA_MEN, _JA_WOMEN), _JA_SURNAMES),
    "zh": _scripted((_ZH_MEN, _ZH_WOMEN), _ZH_SURNAMES),
}

#: Characters that are not called by a name, for men and for women; "{}" takes a surname.
_EPITHETS = (
    "The Doctor", "The Stranger", "Detective {}", "Officer {}", "Prisoner", "Lawyer",
    "Teacher", "Taxi driver", "Reporter", "Judge", "Nurse", "Neighbour", "Guard",
    "Shopkeeper", "Professor {}",
)  # fmt: skip
EPITHETS = (
    (*_EPITHETS, "Mr. {}", "Grandfather", "Old man"),
    (*_EPITHETS, "Mrs. {}", "Grandmother", "Old woman"),
)
