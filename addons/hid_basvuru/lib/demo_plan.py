# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""The plan of the Turkish demo data set: who applies, about what, where, through which
channel, when, and how each application ends. Plain Python and seeded, so the same seed
gives the same demo; the Odoo side (models/hid_basvuru_demo.py) carries the plan out through
the ordinary intake and lifecycle methods, as the users who would act."""
import random

FIRST_NAMES = (
    "Ahmet", "Mehmet", "Mustafa", "Ali", "Hüseyin", "Hasan", "İbrahim", "İsmail", "Osman",
    "Yusuf", "Murat", "Ömer", "Ramazan", "Halil", "Süleyman", "Abdullah", "Mahmut", "Recep",
    "Emre", "Burak", "Kemal", "Serkan", "Gökhan", "Fatih", "Cem", "Erkan", "Volkan", "Kadir",
    "Fatma", "Ayşe", "Emine", "Hatice", "Zeynep", "Elif", "Meryem", "Şerife", "Zehra",
    "Sultan", "Hanife", "Merve", "Özlem", "Esra", "Yasemin", "Hülya", "Derya", "Gülşen",
    "Büşra", "Sevgi", "Nurcan", "Songül", "Filiz", "Tuğba", "Ebru", "Aslı",
)
SURNAMES = (
    "Yılmaz", "Kaya", "Demir", "Çelik", "Şahin", "Yıldız", "Yıldırım", "Öztürk", "Aydın",
    "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan",
    "Şimşek", "Polat", "Öz", "Korkmaz", "Erdoğan", "Güneş", "Aktaş", "Bulut", "Keskin",
    "Ünal", "Turan", "Gül", "Tekin", "Acar", "Uçar", "Başaran", "Karaca", "Güler", "Ateş",
)
STREETS = (
    "Atatürk Cad.", "Cumhuriyet Cad.", "Yavuz Selim Cad.", "Fatih Sultan Mehmet Cad.",
    "Mimar Sinan Cad.", "Gazi Osman Paşa Sok.", "Lale Sok.", "Menekşe Sok.", "Papatya Sok.",
    "Çınar Sok.", "Karanfil Sok.", "Gül Sok.", "Ihlamur Sok.", "Defne Sok.", "Akasya Sok.",
    "Meşe Sok.", "Yıldız Sok.", "Bahar Sok.", "Dere Sok.", "Okul Sok.", "Cami Sok.",
    "Pınar Sok.", "Şehit Er Hasan Kaya Sok.", "İstiklal Cad.", "Mevlana Cad.",
)
PLACES = (
    "okulun önünde", "caminin yanında", "pazar yerinin girişinde", "parkın karşısında",
    "sağlık ocağının önünde", "durağın yanında", "fırının önünde", "kavşakta",
    "apartmanımızın önünde", "sokağın başında",
)

# Category xml id (in hid_basvuru) → type codes it usually comes as, subjects, descriptions,
# answers (to the citizen), and where a case is forwarded when it is not the municipality's.
# "{place}" and "{street}" are filled from the lists above.
CATEGORIES = {
    "category_asfalt_ve_cukur": {
        "weight": 14, "types": ("sikayet", "talep"),
        "subjects": ("Yolda derin çukur var", "Asfalt çökmüş", "Kazı sonrası yol kapatılmadı",
                     "Yama yapılan asfalt yine bozuldu"),
        "descriptions": ("{street} üzerinde {place} büyük bir çukur var, araçlar zarar görüyor.",
                         "Altyapı kazısından sonra {street} asfaltlanmadı, yağmurda göl oluyor.",
                         "{place} asfalt çöktü; akşamları karanlıkta tehlikeli oluyor."),
        "answers": ("Çukur ekiplerimizce kapatılmış, yol asfalt yama ile onarılmıştır.",
                    "Yolunuz bu yılın asfalt programına alınmıştır; çalışma başladığında "
                    "bilgilendirileceksiniz."),
        "forward": "İSKİ Genel Müdürlüğü",
    },
    "category_yol_kaldirim_bozuklugu": {
        "weight": 9, "types": ("sikayet", "talep"),
        "subjects": ("Kaldırım taşları yerinden çıkmış", "Kaldırım rampası yok",
                     "Bordür taşları kırık"),
        "descriptions": ("{street} kaldırımındaki taşlar oynuyor, yaşlılar düşüyor.",
                         "{place} engelli rampası yok; tekerlekli sandalyeyle geçemiyoruz.",
                         "{street} bordürleri araçlar tarafından kırılmış."),
        "answers": ("Kaldırım taşları yeniden döşenmiştir.",
                    "Engelli rampası yapılmış, bordürler yenilenmiştir."),
        "forward": "İBB Yol Bakım ve Altyapı Koordinasyon Daire Başkanlığı",
    },
    "category_cop_toplanmadi": {
        "weight": 14, "types": ("sikayet", "talep"),
        "subjects": ("Çöpler günlerdir alınmadı", "Konteyner taşıyor",
                     "Çöp konteyneri kırık", "Yeni çöp konteyneri talebi"),
        "descriptions": ("{street} üzerindeki konteynerler üç gündür boşaltılmadı, koku var.",
                         "{place} konteyner kırılmış, çöpler yere dökülüyor.",
                         "Sokağımızda konteyner yok, {place} bir konteyner konmasını rica "
                         "ediyoruz."),
        "answers": ("Konteynerler boşaltılmış, bölgede toplama sıklığı artırılmıştır.",
                    "Kırık konteyner yenisiyle değiştirilmiştir.",
                    "Sokağınıza yeni bir konteyner yerleştirilmiştir."),
        "forward": False,
    },
    "category_sokak_yikama_supurme": {
        "weight": 6, "types": ("talep", "sikayet", "tesekkur"),
        "subjects": ("Sokak süpürülmüyor", "Pazar sonrası temizlik yapılmadı",
                     "Temizlik ekibine teşekkür"),
        "descriptions": ("{street} haftalardır süpürülmedi, yapraklar birikti.",
                         "Pazar kurulduktan sonra {place} çöpler kaldı.",
                         "{street} temizliğini yapan ekibe çok teşekkür ederiz."),
        "answers": ("Sokağınız süpürülmüş ve yıkanmıştır; düzenli programa eklenmiştir.",
                    "Teşekkürünüz ekibimize iletilmiştir."),
        "forward": False,
    },
    "category_park_bakimi_ve_oyun_grubu": {
        "weight": 8, "types": ("talep", "sikayet", "oneri"),
        "subjects": ("Parktaki salıncak kırık", "Park aydınlatması yanmıyor",
                     "Parka spor aleti önerisi", "Oyun grubunun zemini bozuk"),
        "descriptions": ("Mahalle parkındaki salıncağın zinciri kopmuş, çocuklar için tehlikeli.",
                         "Parkın lambaları akşamları yanmıyor.",
                         "Parka yaşlılar için açık hava spor aletleri konmasını öneriyoruz.",
                         "Oyun grubunun kauçuk zemini yer yer kalkmış."),
        "answers": ("Salıncak yenilenmiş, oyun grubunun bakımı yapılmıştır.",
                    "Önerinizle ilgili parkınız gelecek yılın yatırım programına alınmıştır.",
                    "Park aydınlatmaları onarılmıştır."),
        "forward": "BEDAŞ",
    },
    "category_agac_budama": {
        "weight": 5, "types": ("talep",),
        "subjects": ("Ağaç dalları cama değiyor", "Kurumuş ağaç devrilebilir",
                     "Ağaç budama talebi"),
        "descriptions": ("{street} üzerindeki ağacın dalları evimizin camına değiyor.",
                         "{place} kurumuş bir ağaç var, rüzgârda devrilebilir.",
                         "Sokağımızdaki ağaçların budanmasını istiyoruz."),
        "answers": ("Ağaçlar budanmıştır.",
                    "Kurumuş ağaç kesilerek yerine fidan dikilmiştir."),
        "forward": False,
    },
    "category_seyyar_satici_isgal": {
        "weight": 5, "types": ("sikayet", "ihbar"),
        "subjects": ("Kaldırım işgali", "Seyyar satıcılar yolu kapatıyor",
                     "Dükkân önüne tezgâh kurulmuş"),
        "descriptions": ("{street} üzerindeki dükkânlar kaldırımı malzemeyle kapatıyor.",
                         "{place} seyyar satıcılar yüzünden yürünemiyor.",
                         "Market önüne kurulan tezgâhlar yayaları yola itiyor."),
        "answers": ("Zabıta ekiplerimizce denetim yapılmış, işgal kaldırılmıştır.",),
        "forward": False,
    },
    "category_gurultu": {
        "weight": 5, "types": ("sikayet", "ihbar"),
        "subjects": ("Gece inşaat gürültüsü", "İşyerinden yüksek müzik",
                     "Sabah erken saatte gürültü"),
        "descriptions": ("{street} üzerindeki inşaatta gece yarısına kadar çalışılıyor.",
                         "{place} bir kafe gece geç saatlere kadar yüksek sesle müzik çalıyor.",
                         "Sabah altıda iş makineleri çalışmaya başlıyor."),
        "answers": ("Yapılan denetimde işyerine uyarıda bulunulmuş, tutanak tutulmuştur.",),
        "forward": "Sancaktepe İlçe Emniyet Müdürlüğü",
    },
    "category_kacak_yapi": {
        "weight": 3, "types": ("ihbar", "sikayet"),
        "subjects": ("Kaçak kat çıkılıyor", "Ruhsatsız yapı ihbarı",
                     "Çatıya izinsiz ilave"),
        "descriptions": ("Yan parselde geceleri inşaat yapılıyor, kat çıkılıyor.",
                         "{street} üzerinde ruhsatsız bir bina yükseliyor.",
                         "Karşı apartmanın çatısına izinsiz oda yapılıyor."),
        "answers": ("Yerinde yapılan incelemede yapı tatil zaptı düzenlenmiştir.",),
        "forward": False,
    },
    "category_sokak_hayvanlari": {
        "weight": 6, "types": ("talep", "ihbar"),
        "subjects": ("Yaralı sokak köpeği", "Sokak kedileri için mama talebi",
                     "Saldırgan köpek sürüsü"),
        "descriptions": ("{place} yaralı bir köpek var, yürüyemiyor.",
                         "Sokağımızdaki kediler için mama noktası istiyoruz.",
                         "{street} çevresinde bir köpek sürüsü çocukları korkutuyor."),
        "answers": ("Hayvan ekiplerimizce alınmış, tedavisi yapılmıştır.",
                    "Bölgeye mama ve su noktası konmuştur."),
        "forward": False,
    },
    "category_sosyal_yardim_talebi": {
        "weight": 6, "types": ("talep",),
        "subjects": ("Gıda yardımı talebi", "Yaşlı annem için evde bakım desteği",
                     "Kömür yardımı talebi", "Tekerlekli sandalye talebi"),
        "descriptions": ("Eşim işsiz, üç çocuğumuz var; gıda yardımı istiyoruz.",
                         "Yatağa bağlı annem için evde bakım hizmeti talep ediyorum.",
                         "Kış için yakacak yardımı rica ediyorum.",
                         "Engelli babam için tekerlekli sandalye ihtiyacımız var."),
        "answers": ("Sosyal inceleme yapılmış, hanenize gıda kolisi teslim edilmiştir.",
                    "Talebiniz değerlendirilmiş, evde bakım programına alınmıştır.",
                    "Yapılan sosyal incelemede yardım kriterlerini karşılamadığınız "
                    "görülmüştür; itiraz için müdürlüğümüze başvurabilirsiniz."),
        "forward": "Sancaktepe Sosyal Yardımlaşma ve Dayanışma Vakfı",
    },
    "category_trafik_levhasi_yol_cizgisi": {
        "weight": 5, "types": ("talep", "oneri"),
        "subjects": ("Okul önüne yaya geçidi", "Trafik levhası devrilmiş",
                     "Hız kesici talebi"),
        "descriptions": ("{place} yaya geçidi çizgileri silinmiş.",
                         "{street} üzerindeki dur levhası devrilmiş.",
                         "Araçlar {street} üzerinde çok hızlı geçiyor; hız kesici istiyoruz."),
        "answers": ("Yaya geçidi çizgileri yenilenmiştir.",
                    "Levha yeniden dikilmiştir.",
                    "Hız kesici talebiniz UKOME değerlendirme programına alınmıştır."),
        "forward": "İBB Ulaşım Daire Başkanlığı",
    },
    "category_kultur_etkinligi_bilgisi": {
        "weight": 3, "types": ("bilgi_edinme", "oneri", "tesekkur"),
        "subjects": ("Tiyatro kursu kayıtları", "Konser için teşekkür",
                     "Yaz etkinlikleri hakkında bilgi"),
        "descriptions": ("Çocuk tiyatro kursu kayıtları ne zaman başlıyor?",
                         "Geçen hafta parkta düzenlenen konser için teşekkür ederiz.",
                         "Bu yaz mahallemizde açık hava sineması olacak mı?"),
        "answers": ("Kurs kayıtları ayın 15'inde kültür merkezimizde başlayacaktır.",
                    "Teşekkürünüz ilgili ekibe iletilmiştir."),
        "forward": False,
    },
    "category_isyeri_ruhsati": {
        "weight": 3, "types": ("bilgi_edinme", "talep"),
        "subjects": ("İşyeri açma ruhsatı için gerekli belgeler", "Ruhsat başvurum ne durumda?"),
        "descriptions": ("Kafe açmak istiyorum; ruhsat için hangi belgeler gerekiyor?",
                         "İki ay önce yaptığım ruhsat başvurusu hakkında bilgi istiyorum."),
        "answers": ("Gerekli belgeler listesi tarafınıza iletilmiştir; başvurunuzu e-Belediye "
                    "üzerinden yapabilirsiniz.",),
        "forward": False,
    },
    "category_genel_bilgi": {
        "weight": 5, "types": ("bilgi_edinme", "oneri", "tesekkur"),
        "subjects": ("Emlak vergisi ödeme yerleri", "Nikâh salonu randevusu",
                     "Belediye hizmetlerine teşekkür", "Mahalleye kütüphane önerisi"),
        "descriptions": ("Emlak vergisini hangi veznelerde ödeyebilirim?",
                         "Nikâh salonu için nasıl randevu alabilirim?",
                         "Son aylarda yapılan çalışmalar için teşekkür ederim.",
                         "Mahallemize bir çocuk kütüphanesi açılmasını öneriyorum."),
        "answers": ("Ödemeyi belediye vezneleri, anlaşmalı bankalar ve e-Belediye üzerinden "
                    "yapabilirsiniz.",
                    "Randevu Evlendirme Memurluğundan telefonla alınmaktadır."),
        "forward": False,
    },
}

# Channel xml ids (module-qualified) with their share of the intake, and who registers.
CHANNELS = (
    ("helpdesk_mgmt.helpdesk_ticket_channel_phone", 34, "agent"),
    ("helpdesk_mgmt.helpdesk_ticket_channel_web", 14, "agent"),
    ("hid_basvuru.channel_sahsen", 12, "agent"),
    ("hid_basvuru.channel_cimer", 9, "staff"),
    ("hid_basvuru.channel_whatsapp", 7, "agent"),
    ("hid_basvuru.channel_sosyal_medya", 5, "agent"),
    ("helpdesk_mgmt.helpdesk_ticket_channel_email", 5, "staff"),
    ("hid_basvuru.channel_acik_kapi", 4, "staff"),
    ("hid_basvuru.channel_evrak", 4, "staff"),
    ("hid_basvuru.channel_halk_gunu", 3, "staff"),
    ("hid_basvuru.channel_saha", 3, "staff"),
)

# How closed cases end (closure code, weight); mükerrer and sevk are handled apart.
CLOSURES = (("cozuldu", 62), ("bilgi_verildi", 14), ("programa_alindi", 12),
            ("gerekceli_ret", 5))

REOPEN_REASONS = (
    "Vatandaş sorunun devam ettiğini bildirdi.",
    "Vatandaş verilen cevaba itiraz etti; yerinde yeniden bakılması istendi.",
)

DAYS_BACK = 182


def _phone(index):
    """A unique, valid Turkish mobile of the demo's own range (0559 0xx xx xx)."""
    return "0559 %03d %02d %02d" % (index // 10000 % 1000, index // 100 % 100, index % 100)


def tckn_for(index):
    """A valid TC kimlik no (checksums as the law defines them) from the demo's range."""
    digits = [int(c) for c in "%09d" % (813000000 + index)]
    d10 = ((sum(digits[0:9:2]) * 7) - sum(digits[1:8:2])) % 10
    digits.append(d10)
    digits.append(sum(digits) % 10)
    return "".join(str(d) for d in digits)


def _weighted(rng, items, weight):
    return rng.choices(items, weights=[weight(item) for item in items], k=1)[0]


def build_plan(seed=2026, count=300, citizens=90, mahalle_count=19):
    """The demo: a list of citizens and a list of applications, in the order of intake
    (oldest first). Everything random comes from `seed`."""
    rng = random.Random(seed)
    people = []
    used = set()
    for i in range(citizens):
        while True:
            name = "%s %s" % (rng.choice(FIRST_NAMES), rng.choice(SURNAMES))
            if name not in used:
                used.add(name)
                break
        people.append({
            "name": name,
            "mobile": _phone(i + 1),
            "tckn": tckn_for(i + 1) if rng.random() < 0.6 else False,
            "mahalle": rng.randrange(mahalle_count),
            "street": rng.choice(STREETS),
        })
    categories = sorted(CATEGORIES)
    tickets = []
    for i in range(count):
        # More applications lately, as every intake counter shows.
        days_ago = int(DAYS_BACK * (rng.random() ** 1.3))
        person = rng.randrange(citizens)
        category = _weighted(rng, categories, lambda code: CATEGORIES[code]["weight"])
        spec = CATEGORIES[category]
        channel, _share, actor = _weighted(rng, CHANNELS, lambda row: row[1])
        kind = rng.choice(spec["types"])
        street = people[person]["street"]
        text = {"street": street, "place": rng.choice(PLACES)}
        subject_index = rng.randrange(len(spec["subjects"]))
        ticket = {
            "person": person,
            "anonymous": False,
            "category": category,
            "routed_at_intake": rng.random() < 0.85,
            "channel": channel,
            "actor": actor,
            "type": kind,
            "mahalle": people[person]["mahalle"] if rng.random() < 0.85
            else rng.randrange(mahalle_count),
            "name": spec["subjects"][subject_index],
            "description": spec["descriptions"][
                subject_index % len(spec["descriptions"])].format(**text),
            "address": "%s No: %d" % (street, rng.randint(1, 120)),
            "days_ago": days_ago,
            "hour": rng.choice((8, 9, 9, 10, 10, 11, 11, 12, 13, 14, 14, 15, 16, 17, 19, 21)),
            "minute": rng.randrange(60),
            "cimer_no": False,
            "acik_kapi_no": False,
        }
        if channel.endswith("channel_cimer"):
            ticket["cimer_no"] = "CMR-2026-%06d" % (100000 + i * 37)
        if channel.endswith("channel_acik_kapi"):
            ticket["acik_kapi_no"] = "AK-%06d" % (500000 + i * 11)
        ticket.update(_outcome(rng, spec, days_ago))
        tickets.append(ticket)
    tickets.sort(key=lambda t: (-t["days_ago"], t["hour"], t["minute"]))
    _mark_duplicates(rng, tickets)
    return {"citizens": people, "tickets": tickets}


def _outcome(rng, spec, days_ago):
    """How far the application gets, and after how many days each step happened."""
    # The older, the likelier closed: ~80 % of the whole set ends closed.
    p_closed = 0.15 if days_ago < 3 else 0.5 if days_ago < 10 else 0.8 if days_ago < 30 \
        else 0.93
    answer_after = min(days_ago, max(0, int(rng.expovariate(1 / 6.0))))
    close_after = min(days_ago, answer_after + rng.choice((0, 0, 1, 1, 2, 3)))
    out = {"start_after": min(answer_after, rng.choice((0, 0, 1, 2))),
           "answer_after": answer_after, "close_after": close_after,
           "outcome": "open_routed", "closure": False, "answer": False,
           "forward_to": False, "reopen_reason": False}
    answer = rng.choice(spec["answers"])
    if rng.random() < p_closed:
        if spec["forward"] and rng.random() < 0.08:
            out.update(outcome="sevk", forward_to=spec["forward"])
        else:
            closure = _weighted(rng, CLOSURES, lambda row: row[1])[0]
            if closure == "gerekceli_ret":
                answer = ("Talebiniz incelenmiş; mevzuat gereği karşılanamamaktadır. "
                          "Gerekçesi: ilgili alan belediyemizin sorumluluğunda değildir.")
            elif closure == "bilgi_verildi":
                answer = "Başvurunuzla ilgili bilgi verilmiştir: " + answer
            out.update(outcome="closed", closure=closure, answer=answer)
            if days_ago >= 20 and days_ago < 60 and rng.random() < 0.05:
                out["reopen_reason"] = rng.choice(REOPEN_REASONS)
    else:
        roll = rng.random()
        if roll < 0.35:
            out["outcome"] = "open_routed"
        elif roll < 0.65:
            out["outcome"] = "open_in_progress"
        else:
            out.update(outcome="open_answered", answer=answer)
    return out


def _mark_duplicates(rng, tickets):
    """About 3 % arrive again: the same citizen, same subject, a few days later. They are
    closed as mükerrer against the first one (which stays as planned)."""
    for index in range(1, len(tickets)):
        ticket = tickets[index]
        if ticket["days_ago"] < 5 or rng.random() >= 0.03:
            continue
        original = rng.randrange(max(0, index - 15), index)
        source = tickets[original]
        if source.get("duplicate_of") is not None or source["days_ago"] - ticket["days_ago"] > 10:
            continue
        ticket.update({
            "duplicate_of": original, "person": source["person"], "category":
            source["category"], "mahalle": source["mahalle"], "name": source["name"],
            "description": source["description"], "address": source["address"],
            "type": source["type"], "outcome": "mukerrer", "closure": "mukerrer",
            "answer": False, "reopen_reason": False, "cimer_no": False,
            "acik_kapi_no": False, "close_after": min(ticket["days_ago"], 1),
        })
