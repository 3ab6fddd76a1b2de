// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

// Working translations. Before deployment every text here must be checked against NHS England's official FFT
// translations (see Documentation/kiosk-translations.md).

extension KioskStrings {
    public static let panjabi = KioskStrings(
        question: "ਕੁੱਲ ਮਿਲਾ ਕੇ, ਸਾਡੀ ਸੇਵਾ ਨਾਲ ਤੁਹਾਡਾ ਤਜਰਬਾ ਕਿਹੋ ਜਿਹਾ ਰਿਹਾ?",
        answers: ["ਬਹੁਤ ਵਧੀਆ", "ਵਧੀਆ", "ਨਾ ਵਧੀਆ ਨਾ ਮਾੜਾ", "ਮਾੜਾ", "ਬਹੁਤ ਮਾੜਾ", "ਪਤਾ ਨਹੀਂ"],
        idleStatement: "ਛੂਹੇ ਬਿਨਾਂ {seconds} ਸਕਿੰਟਾਂ ਬਾਅਦ ਇਹ ਸਕਰੀਨ ਮੁੜ ਸ਼ੁਰੂ ਹੋ ਜਾਂਦੀ ਹੈ।",
        start: "ਜਵਾਬ ਦਿਓ",
        next: "ਅੱਗੇ",
        back: "ਪਿੱਛੇ",
        skip: "ਛੱਡੋ",
        submit: "ਭੇਜੋ",
        done: "ਹੋ ਗਿਆ",
        listen: "ਸੁਣੋ",
        language: "ਭਾਸ਼ਾ",
        chooseLanguage: "ਆਪਣੀ ਭਾਸ਼ਾ ਚੁਣੋ",
        freeTextPrompt: "ਕੀ ਚੰਗਾ ਸੀ, ਜਾਂ ਅਸੀਂ ਕੀ ਬਿਹਤਰ ਕਰ ਸਕਦੇ ਹਾਂ?",
        personalDetailsWarning: "ਕਿਰਪਾ ਕਰਕੇ ਨਾਮ ਜਾਂ ਨਿੱਜੀ ਵੇਰਵੇ ਨਾ ਲਿਖੋ।",
        typeComment: "ਲਿਖਣ ਲਈ ਇੱਥੇ ਛੂਹੋ",
        chooseTopics: "ਵਿਸ਼ੇ ਚੁਣੋ",
        topicsHeading: "ਇਹ ਕਿਸ ਬਾਰੇ ਹੈ?",
        moreTopics: "ਹੋਰ ਵਿਸ਼ੇ",
        thankYou: "ਧੰਨਵਾਦ",
        thankYouDetail: "ਤੁਹਾਡੀ ਰਾਇ ਦੇਖਭਾਲ ਨੂੰ ਬਿਹਤਰ ਬਣਾਉਣ ਵਿੱਚ ਮਦਦ ਕਰਦੀ ਹੈ।",
        needMoreTime: "ਕੀ ਤੁਹਾਨੂੰ ਹੋਰ ਸਮਾਂ ਚਾਹੀਦਾ ਹੈ?",
        moreTimeButton: "ਹਾਂ, ਹੋਰ ਸਮਾਂ",
        countdown: "{seconds} ਸਕਿੰਟਾਂ ਵਿੱਚ ਮੁੜ ਸ਼ੁਰੂ",
        categories: categories([
            "ਸਟਾਫ਼", "ਪਹੁੰਚ", "ਉਡੀਕ", "ਇਲਾਜ", "ਜਾਣਕਾਰੀ", "ਸਫ਼ਾਈ", "ਸਾਮਾਨ", "ਦਵਾਈਆਂ", "ਇੱਜ਼ਤ ਅਤੇ ਸਤਿਕਾਰ", "ਪਾਰਕਿੰਗ",
            "ਗੁਆਚਾ ਸਾਮਾਨ", "ਖਾਣਾ-ਪੀਣਾ", "ਕੁਝ ਹੋਰ",
        ])
    )

    public static let urdu = KioskStrings(
        question: "مجموعی طور پر، ہماری سروس کے ساتھ آپ کا تجربہ کیسا رہا؟",
        answers: ["بہت اچھا", "اچھا", "نہ اچھا نہ برا", "برا", "بہت برا", "معلوم نہیں"],
        idleStatement: "چھوئے بغیر {seconds} سیکنڈ کے بعد یہ اسکرین دوبارہ شروع ہو جاتی ہے۔",
        start: "جواب دیں",
        next: "آگے",
        back: "واپس",
        skip: "چھوڑیں",
        submit: "بھیجیں",
        done: "ہو گیا",
        listen: "سنیں",
        language: "زبان",
        chooseLanguage: "اپنی زبان منتخب کریں",
        freeTextPrompt: "کیا اچھا تھا، یا ہم کیا بہتر کر سکتے ہیں؟",
        personalDetailsWarning: "براہ کرم نام یا ذاتی تفصیلات نہ لکھیں۔",
        typeComment: "لکھنے کے لیے یہاں چھوئیں",
        chooseTopics: "موضوعات منتخب کریں",
        topicsHeading: "یہ کس بارے میں ہے؟",
        moreTopics: "مزید موضوعات",
        thankYou: "شکریہ",
        thankYouDetail: "آپ کی رائے دیکھ بھال بہتر بنانے میں مدد دیتی ہے۔",
        needMoreTime: "کیا آپ کو مزید وقت چاہیے؟",
        moreTimeButton: "جی ہاں، مزید وقت",
        countdown: "{seconds} سیکنڈ میں دوبارہ شروع",
        categories: categories([
            "عملہ", "رسائی", "انتظار", "علاج", "معلومات", "صفائی", "سامان", "دوائیں", "عزت و احترام", "پارکنگ",
            "گمشدہ سامان", "کھانا پینا", "کچھ اور",
        ])
    )

    public static let arabic = KioskStrings(
        question: "بشكل عام، كيف كانت تجربتك مع خدمتنا؟",
        answers: ["جيدة جدًا", "جيدة", "لا جيدة ولا سيئة", "سيئة", "سيئة جدًا", "لا أعرف"],
        idleStatement: "تبدأ هذه الشاشة من جديد بعد {seconds} ثانية دون لمس.",
        start: "أجب",
        next: "التالي",
        back: "رجوع",
        skip: "تخطَّ",
        submit: "إرسال",
        done: "تم",
        listen: "استمع",
        language: "اللغة",
        chooseLanguage: "اختر لغتك",
        freeTextPrompt: "ما الذي كان جيدًا، أو ما الذي يمكننا تحسينه؟",
        personalDetailsWarning: "يرجى عدم كتابة أسماء أو بيانات شخصية.",
        typeComment: "المس هنا للكتابة",
        chooseTopics: "اختر المواضيع",
        topicsHeading: "عمَّ يتعلق الأمر؟",
        moreTopics: "مواضيع أخرى",
        thankYou: "شكرًا لك",
        thankYouDetail: "رأيك يساعدنا على تحسين الرعاية.",
        needMoreTime: "هل تحتاج إلى مزيد من الوقت؟",
        moreTimeButton: "نعم، وقت إضافي",
        countdown: "البدء من جديد خلال {seconds} ثانية",
        categories: categories([
            "الموظفون", "الوصول", "الانتظار", "العلاج", "الإعلام", "النظافة", "المعدات", "الأدوية", "الكرامة والاحترام",
            "مواقف السيارات", "المفقودات", "الطعام والشراب", "شيء آخر",
        ])
    )

    public static let bengali = KioskStrings(
        question: "সামগ্রিকভাবে, আমাদের পরিষেবা নিয়ে আপনার অভিজ্ঞতা কেমন ছিল?",
        answers: ["খুব ভালো", "ভালো", "ভালোও না খারাপও না", "খারাপ", "খুব খারাপ", "জানি না"],
        idleStatement: "স্পর্শ না করলে {seconds} সেকেন্ড পরে এই স্ক্রিন আবার শুরু হয়।",
        start: "উত্তর দিন",
        next: "পরবর্তী",
        back: "পিছনে",
        skip: "বাদ দিন",
        submit: "পাঠান",
        done: "হয়ে গেছে",
        listen: "শুনুন",
        language: "ভাষা",
        chooseLanguage: "আপনার ভাষা বেছে নিন",
        freeTextPrompt: "কী ভালো ছিল, বা আমরা কী আরও ভালো করতে পারি?",
        personalDetailsWarning: "অনুগ্রহ করে নাম বা ব্যক্তিগত তথ্য লিখবেন না।",
        typeComment: "লিখতে এখানে স্পর্শ করুন",
        chooseTopics: "বিষয় বেছে নিন",
        topicsHeading: "এটি কী বিষয়ে?",
        moreTopics: "আরও বিষয়",
        thankYou: "ধন্যবাদ",
        thankYouDetail: "আপনার মতামত আমাদের সেবা উন্নত করতে সাহায্য করে।",
        needMoreTime: "আপনার কি আরও সময় লাগবে?",
        moreTimeButton: "হ্যাঁ, আরও সময়",
        countdown: "{seconds} সেকেন্ডে আবার শুরু",
        categories: categories([
            "কর্মী", "প্রবেশাধিকার", "অপেক্ষা", "চিকিৎসা", "তথ্য জানানো", "পরিচ্ছন্নতা", "যন্ত্রপাতি", "ওষুধ",
            "মর্যাদা ও সম্মান", "পার্কিং", "হারানো জিনিস", "খাবার ও পানীয়", "অন্য কিছু",
        ])
    )

    public static let gujarati = KioskStrings(
        question: "એકંદરે, અમારી સેવા સાથે તમારો અનુભવ કેવો રહ્યો?",
        answers: ["ખૂબ સારો", "સારો", "ન સારો ન ખરાબ", "ખરાબ", "ખૂબ ખરાબ", "ખબર નથી"],
        idleStatement: "સ્પર્શ વિના {seconds} સેકન્ડ પછી આ સ્ક્રીન ફરી શરૂ થાય છે.",
        start: "જવાબ આપો",
        next: "આગળ",
        back: "પાછળ",
        skip: "છોડો",
        submit: "મોકલો",
        done: "થઈ ગયું",
        listen: "સાંભળો",
        language: "ભાષા",
        chooseLanguage: "તમારી ભાષા પસંદ કરો",
        freeTextPrompt: "શું સારું હતું, અથવા અમે શું વધુ સારું કરી શકીએ?",
        personalDetailsWarning: "કૃપા કરીને નામ અથવા અંગત વિગતો લખશો નહીં.",
        typeComment: "લખવા માટે અહીં સ્પર્શ કરો",
        chooseTopics: "વિષયો પસંદ કરો",
        topicsHeading: "આ શેના વિશે છે?",
        moreTopics: "વધુ વિષયો",
        thankYou: "આભાર",
        thankYouDetail: "તમારો અભિપ્રાય સંભાળ સુધારવામાં મદદ કરે છે.",
        needMoreTime: "શું તમને વધુ સમય જોઈએ છે?",
        moreTimeButton: "હા, વધુ સમય",
        countdown: "{seconds} સેકન્ડમાં ફરી શરૂ",
        categories: categories([
            "સ્ટાફ", "પહોંચ", "રાહ જોવી", "સારવાર", "માહિતી", "સ્વચ્છતા", "સાધનો", "દવાઓ", "ગૌરવ અને આદર", "પાર્કિંગ",
            "ખોવાયેલી વસ્તુઓ", "ખોરાક અને પીણું", "બીજું કંઈક",
        ])
    )

    public static let chineseSimplified = KioskStrings(
        question: "总体而言，您对我们服务的体验如何？",
        answers: ["非常好", "好", "一般", "差", "非常差", "不知道"],
        idleStatement: "如果 {seconds} 秒内没有触摸，此屏幕将重新开始。",
        start: "回答",
        next: "下一步",
        back: "返回",
        skip: "跳过",
        submit: "提交",
        done: "完成",
        listen: "收听",
        language: "语言",
        chooseLanguage: "请选择语言",
        freeTextPrompt: "哪些方面做得好，或我们可以如何改进？",
        personalDetailsWarning: "请不要填写姓名或个人信息。",
        typeComment: "触摸此处输入",
        chooseTopics: "选择主题",
        topicsHeading: "这是关于什么的？",
        moreTopics: "更多主题",
        thankYou: "谢谢",
        thankYouDetail: "您的意见帮助我们改进护理。",
        needMoreTime: "您需要更多时间吗？",
        moreTimeButton: "是，需要更多时间",
        countdown: "{seconds} 秒后重新开始",
        categories: categories([
            "工作人员", "无障碍与交通", "等待", "治疗与护理", "沟通", "清洁", "设备", "药物", "尊严与尊重", "停车",
            "失物", "餐饮", "其他",
        ])
    )
}
