//! The words synthetic directories are made of.

/// The schools every directory starts with, in this order, for the
/// collisions they make: one name inside another, and long shared prefixes.
pub(super) const FIXED_SCHOOLS: &[(&str, &str)] = &[
    ("Massachusetts Institute of Technology", "mit.edu"), ("RMIT University", "rmit.edu.au"),
    ("University of California - Berkeley", "berkeley.edu"),
    ("University of California - Davis", "ucdavis.edu"),
    ("University of California - San Diego", "ucsd.edu"),
    ("Technische Universität München", "tum.de"), ("Université de Montréal", "umontreal.ca"),
];

pub(super) const PLACES: &[&str] = &[
    "Aachen", "Aalborg", "Adelaide", "Amsterdam", "Ankara", "Arizona", "Athens", "Auckland",
    "Austin", "Barcelona", "Beijing", "Bergen", "Bologna", "Boston", "Bremen", "Brno", "Brown",
    "Cardiff", "Chicago", "Coimbra", "Columbia", "Cork", "Dalhousie", "Delft", "Delhi",
    "Dresden", "Dublin", "Duke", "Durham", "Edinburgh", "Eindhoven", "Florida", "Fudan",
    "Geneva", "Ghent", "Glasgow", "Göteborg", "Graz", "Groningen", "Hamburg", "Hanoi",
    "Harvard", "Heidelberg", "Helsinki", "Hokkaido", "Houston", "Illinois", "Indiana",
    "Innsbruck", "Iowa", "Jena", "Kraków", "Kyoto", "Lausanne", "Leeds", "Leiden", "Lima",
    "Linköping", "Lisbon", "Ljubljana", "Lund", "Lyon", "Madrid", "Malmö", "Manchester",
    "Melbourne", "Michigan", "Milan", "Monash", "Mumbai", "Nagoya", "Nanjing", "Nantes",
    "Nijmegen", "Oregon", "Osaka", "Oslo", "Otago", "Oxford", "Padova", "Paris", "Peking",
    "Pisa", "Porto", "Prague", "Purdue", "Québec", "Rice", "Rome", "Rutgers", "Santiago",
    "São Paulo", "Seoul", "Sevilla", "Sheffield", "Stanford", "Stuttgart", "Sydney", "Tartu",
    "Tel Aviv", "Tokyo", "Toronto", "Trento", "Tsinghua", "Tübingen", "Turku", "Uppsala",
    "Utah", "Utrecht", "Valencia", "Vienna", "Vilnius", "Warsaw", "Waterloo", "Wrocław",
    "Yale", "York", "Zagreb", "Zürich",
];

/// `{}` is the place.
pub(super) const SCHOOL_FORMS: &[&str] = &[
    "{} University", "University of {}", "{} Institute of Technology", "{} Polytechnic",
    "{} State University", "Technical University of {}", "{} College", "Université de {}",
];

pub(super) const FIRST: &[&str] = &[
    "Wei", "Wei-Lin", "Ada", "Alan", "Alice", "Amara", "Ana", "Anders", "Andrés", "Aoife",
    "Arjun", "Aylin", "Bao", "Beatriz", "Björn", "Carlos", "Chen", "Chloé", "Ciarán", "Dai",
    "Daniel", "Deepika", "Dmitri", "Elif", "Emma", "Esther", "Fatima", "François", "Gábor",
    "Hana", "Hiroshi", "Ines", "Ingrid", "Isabel", "Jae-won", "James", "Jiří", "João", "Jun",
    "Kai", "Karthik", "Katarzyna", "Kenji", "Laila", "Lars", "Léa", "Li", "Lin", "Łukasz",
    "Mai", "Malak", "María", "Mateus", "Mehmet", "Mei", "Michael", "Min-jun", "Nadia", "Naoki",
    "Nikolai", "Noor", "Olga", "Omar", "Pablo", "Priya", "Qing", "Rafael", "Rahul", "Ravi",
    "Renée", "Rui", "Sakura", "Sarah", "Sergei", "Shreya", "Siobhán", "Søren", "Sven",
    "Takeshi", "Tomás", "Uma", "Valentina", "Viktor", "Xiaoming", "Xin", "Yan", "Yara", "Yuki",
    "Yusuf", "Zeynep", "Zhen", "Zoë", "Žofia", "Ngọc", "Thanh", "Oluwaseun", "Chidi", "Kwame",
    "Ayşe", "Ébène",
];

pub(super) const LAST: &[&str] = &[
    "Zhang", "Wang", "Li", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun",
    "Weiss", "Weimann", "Kowalski", "Nowak", "Müller", "Schröder", "Schmidt", "Fischer",
    "Weber", "García", "Fernández", "López", "Martínez", "González", "Pérez", "Silva",
    "Santos", "Oliveira", "Nguyễn", "Trần", "Lê", "Phạm", "Kim", "Lee", "Park", "Choi", "Sato",
    "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Yamamoto", "Patel", "Sharma", "Singh",
    "Kumar", "Gupta", "Iyer", "Reddy", "Smith", "Johnson", "Brown", "Taylor", "Wilson",
    "Davies", "Evans", "O'Brien", "Murphy", "Kelly", "Dubois", "Lefèvre", "Moreau", "Rossi",
    "Russo", "Bianchi", "Jensen", "Nielsen", "Hansen", "Andersson", "Johansson", "Karlsson",
    "Virtanen", "Korhonen", "Novák", "Dvořák", "Horváth", "Yılmaz", "Kaya", "Çelik", "Öztürk",
    "Ivanov", "Petrov", "Smirnova", "Cohen", "Levi", "Haddad", "Mansour", "Okafor", "Adeyemi",
    "Mensah", "van der Berg", "de Jong", "Jansen", "Ó Súilleabháin", "Żukowski", "Ångström",
    "Søndergaard", "Wei",
];

pub(super) const TITLES: &[&str] = &[
    "Professor", "Associate Professor", "Assistant Professor", "Professor of Computer Science",
    "Associate Professor of Electrical Engineering and Computer Science",
    "Assistant Professor of Statistics and Computer Science", "Teaching Professor",
    "Professor Emeritus", "Lecturer", "Senior Lecturer", "Reader in Computing",
    "Research Scientist", "Distinguished Professor", "Chair of Computer Science",
];

pub(super) const TOPICS: &[&str] = &[
    "Machine learning", "Deep learning", "Computer vision", "Natural language processing",
    "Robotics", "Reinforcement learning", "Distributed systems", "Operating systems",
    "Databases", "Data management", "Computer architecture", "Compilers",
    "Programming languages", "Formal methods", "Software engineering", "Security",
    "Cryptography", "Privacy", "Networking", "Wireless networks", "Human-computer interaction",
    "Visualization", "Graphics", "Computational geometry", "Algorithms", "Complexity theory",
    "Quantum computing", "Quantum information", "Bioinformatics", "Computational biology",
    "Information retrieval", "Web search", "Recommender systems", "Multi-agent systems",
    "Embedded systems", "High-performance computing", "Cloud computing", "Data center systems",
    "ML systems (training, inference)", "Fairness in AI", "Speech recognition",
    "Signal processing", "Optimization", "Statistics", "Theory of computation",
    "Logic; verification", "Edge computing", "Energy-efficient hardware", "Computer music",
    "Computational social science", "Économie numérique", "Mensch-Maschine-Interaktion",
];

pub(super) const FIELDS: &[&str] = &[
    "Machine Learning Systems", "Computer Science", "Artificial Intelligence",
    "Databases and Data Systems", "Computer Architecture", "Programming Languages",
    "Security and Privacy", "Robotics", "Theory", "Human-Computer Interaction",
];

pub(super) const LAB_WORDS: &[&str] = &[
    "Systems", "Learning", "Vision", "Robotics", "Theory", "Security", "Data", "Language",
    "Graphics", "Quantum", "Networks", "Interaction",
];

