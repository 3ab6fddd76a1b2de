// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

// Working translations. Before deployment every text here must be checked against NHS England's official FFT
// translations (see Documentation/kiosk-translations.md).

extension KioskStrings {
    public static let polish = KioskStrings(
        question: "Ogólnie rzecz biorąc, jak oceniasz swoje doświadczenia z naszymi usługami?",
        answers: ["Bardzo dobrze", "Dobrze", "Ani dobrze, ani źle", "Źle", "Bardzo źle", "Nie wiem"],
        idleStatement: "Ten ekran zacznie od nowa po {seconds} sekundach bez dotyku.",
        start: "Odpowiedz",
        next: "Dalej",
        back: "Wstecz",
        skip: "Pomiń",
        submit: "Wyślij",
        done: "Gotowe",
        listen: "Posłuchaj",
        language: "Język",
        chooseLanguage: "Wybierz język",
        freeTextPrompt: "Co było dobre, a co możemy zrobić lepiej?",
        personalDetailsWarning: "Prosimy nie podawać nazwisk ani danych osobowych.",
        typeComment: "Dotknij, aby pisać",
        chooseTopics: "Wybierz tematy",
        topicsHeading: "Czego to dotyczy?",
        moreTopics: "Więcej tematów",
        thankYou: "Dziękujemy",
        thankYouDetail: "Twoja opinia pomaga nam poprawiać opiekę.",
        needMoreTime: "Czy potrzebujesz więcej czasu?",
        moreTimeButton: "Tak, więcej czasu",
        countdown: "Nowy początek za {seconds} s",
        categories: categories([
            "Personel", "Dojazd i dostęp", "Czekanie", "Leczenie i opieka", "Informowanie", "Czystość", "Sprzęt",
            "Leki", "Godność i szacunek", "Parking", "Rzeczy zgubione", "Jedzenie i picie", "Coś innego",
        ])
    )

    public static let romanian = KioskStrings(
        question: "În general, cum a fost experiența dumneavoastră cu serviciile noastre?",
        answers: ["Foarte bună", "Bună", "Nici bună, nici slabă", "Slabă", "Foarte slabă", "Nu știu"],
        idleStatement: "Acest ecran o ia de la capăt după {seconds} de secunde fără atingere.",
        start: "Răspundeți",
        next: "Înainte",
        back: "Înapoi",
        skip: "Omiteți",
        submit: "Trimiteți",
        done: "Gata",
        listen: "Ascultați",
        language: "Limba",
        chooseLanguage: "Alegeți limba",
        freeTextPrompt: "Ce a fost bine sau ce am putea face mai bine?",
        personalDetailsWarning: "Vă rugăm să nu scrieți nume sau date personale.",
        typeComment: "Atingeți aici pentru a scrie",
        chooseTopics: "Alegeți subiecte",
        topicsHeading: "Despre ce este vorba?",
        moreTopics: "Mai multe",
        thankYou: "Vă mulțumim",
        thankYouDetail: "Părerea dumneavoastră ne ajută să îngrijim mai bine.",
        needMoreTime: "Aveți nevoie de mai mult timp?",
        moreTimeButton: "Da, mai mult timp",
        countdown: "Reîncepe în {seconds} secunde",
        categories: categories([
            "Personal", "Acces", "Așteptare", "Tratament și îngrijire", "Informare", "Curățenie", "Echipamente",
            "Medicamente", "Demnitate și respect", "Parcare", "Obiecte pierdute", "Mâncare și băutură", "Altceva",
        ])
    )

    public static let portuguese = KioskStrings(
        question: "De um modo geral, como foi a sua experiência com o nosso serviço?",
        answers: ["Muito boa", "Boa", "Nem boa nem má", "Má", "Muito má", "Não sei"],
        idleStatement: "Este ecrã recomeça após {seconds} segundos sem toque.",
        start: "Responder",
        next: "Seguinte",
        back: "Voltar",
        skip: "Saltar",
        submit: "Enviar",
        done: "Concluído",
        listen: "Ouvir",
        language: "Idioma",
        chooseLanguage: "Escolha o seu idioma",
        freeTextPrompt: "O que correu bem, ou o que podemos fazer melhor?",
        personalDetailsWarning: "Por favor, não inclua nomes nem dados pessoais.",
        typeComment: "Toque aqui para escrever",
        chooseTopics: "Escolher temas",
        topicsHeading: "Sobre o que é?",
        moreTopics: "Mais temas",
        thankYou: "Obrigado",
        thankYouDetail: "A sua opinião ajuda-nos a melhorar os cuidados.",
        needMoreTime: "Precisa de mais tempo?",
        moreTimeButton: "Sim, mais tempo",
        countdown: "Recomeça dentro de {seconds} segundos",
        categories: categories([
            "Pessoal", "Acesso", "Esperas", "Tratamento", "Informação", "Limpeza", "Equipamento", "Medicamentos",
            "Dignidade e respeito", "Estacionamento", "Perdidos e achados", "Comida e bebida", "Outro assunto",
        ])
    )

    public static let spanish = KioskStrings(
        question: "En general, ¿cómo fue su experiencia con nuestro servicio?",
        answers: ["Muy buena", "Buena", "Ni buena ni mala", "Mala", "Muy mala", "No sé"],
        idleStatement: "Esta pantalla vuelve a empezar tras {seconds} segundos sin tocarla.",
        start: "Responder",
        next: "Siguiente",
        back: "Atrás",
        skip: "Omitir",
        submit: "Enviar",
        done: "Hecho",
        listen: "Escuchar",
        language: "Idioma",
        chooseLanguage: "Elija su idioma",
        freeTextPrompt: "¿Qué estuvo bien o qué podemos mejorar?",
        personalDetailsWarning: "Por favor, no incluya nombres ni datos personales.",
        typeComment: "Toque aquí para escribir",
        chooseTopics: "Elegir temas",
        topicsHeading: "¿De qué se trata?",
        moreTopics: "Más temas",
        thankYou: "Gracias",
        thankYouDetail: "Su opinión nos ayuda a mejorar la atención.",
        needMoreTime: "¿Necesita más tiempo?",
        moreTimeButton: "Sí, más tiempo",
        countdown: "Se reinicia en {seconds} segundos",
        categories: categories([
            "Personal", "Acceso", "Esperas", "Tratamiento", "Información", "Limpieza", "Equipos", "Medicamentos",
            "Dignidad y respeto", "Aparcamiento", "Objetos perdidos", "Comida y bebida", "Otra cosa",
        ])
    )

    public static let italian = KioskStrings(
        question: "Nel complesso, com'è stata la sua esperienza con il nostro servizio?",
        answers: ["Molto buona", "Buona", "Né buona né scarsa", "Scarsa", "Molto scarsa", "Non so"],
        idleStatement: "Questa schermata ricomincia dopo {seconds} secondi senza tocco.",
        start: "Rispondi",
        next: "Avanti",
        back: "Indietro",
        skip: "Salta",
        submit: "Invia",
        done: "Fatto",
        listen: "Ascolta",
        language: "Lingua",
        chooseLanguage: "Scelga la lingua",
        freeTextPrompt: "Che cosa è andato bene, o che cosa possiamo fare meglio?",
        personalDetailsWarning: "Per favore non scriva nomi o dati personali.",
        typeComment: "Tocchi qui per scrivere",
        chooseTopics: "Scegli argomenti",
        topicsHeading: "Di che cosa si tratta?",
        moreTopics: "Altri argomenti",
        thankYou: "Grazie",
        thankYouDetail: "Il suo parere ci aiuta a migliorare l'assistenza.",
        needMoreTime: "Le serve più tempo?",
        moreTimeButton: "Sì, più tempo",
        countdown: "Si ricomincia tra {seconds} secondi",
        categories: categories([
            "Personale", "Accesso", "Attese", "Cure", "Informazioni", "Pulizia", "Attrezzature", "Farmaci",
            "Dignità e rispetto", "Parcheggio", "Oggetti smarriti", "Cibo e bevande", "Altro",
        ])
    )

    public static let somali = KioskStrings(
        question: "Guud ahaan, sidee ayay ahayd waayo-aragnimadaada adeeggayaga?",
        answers: ["Aad u wanaagsan", "Wanaagsan", "Ma wanaagsana, mana xuma", "Xun", "Aad u xun", "Ma garanayo"],
        idleStatement: "Shaashaddan way dib u bilaabataa {seconds} ilbiriqsi kadib haddii aan la taabanin.",
        start: "Ka jawaab",
        next: "Xiga",
        back: "Dib",
        skip: "Ka gudub",
        submit: "Dir",
        done: "Dhammaatay",
        listen: "Dhageyso",
        language: "Luqadda",
        chooseLanguage: "Dooro luqaddaada",
        freeTextPrompt: "Maxaa wanaagsanaa, mase maxaan si fiican u samayn karnaa?",
        personalDetailsWarning: "Fadlan ha ku darin magacyo ama xog shakhsi ah.",
        typeComment: "Halkan taabo si aad u qorto",
        chooseTopics: "Dooro mawduucyo",
        topicsHeading: "Maxay ku saabsan tahay?",
        moreTopics: "Wax kale",
        thankYou: "Mahadsanid",
        thankYouDetail: "Fikradaadu waxay naga caawisaa inaan daryeelka hagaajinno.",
        needMoreTime: "Ma u baahan tahay waqti dheeri ah?",
        moreTimeButton: "Haa, waqti dheeri",
        countdown: "Dib ayuu u bilaabanayaa {seconds} ilbiriqsi",
        categories: categories([
            "Shaqaalaha", "Helitaanka", "Sugitaanka", "Daaweynta", "Wargelinta", "Nadaafadda", "Qalabka", "Daawooyinka",
            "Sharaf iyo ixtiraam", "Baarkinka", "Alaab lumay", "Cuntada iyo cabbitaanka", "Wax kale",
        ])
    )
}
