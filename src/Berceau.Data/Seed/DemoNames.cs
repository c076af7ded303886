namespace Berceau.Data.Seed;

/// <summary>
/// Word lists for demo facilities. Names are the generic ones French crèches really use (so the demo reads naturally), and
/// childminders only get a first name and an initial so that no demo entry can be mistaken for a real person.
/// </summary>
internal static class DemoNames
{
    public static readonly string[] CollectivePrefixes = ["Multi-accueil", "Multi-accueil", "Multi-accueil", "Crèche collective", "Crèche"];

    public static readonly string[] Themes =
    [
        "Les Lucioles", "Les Coccinelles", "Les Papillons", "Les Lutins", "Les Marmousets", "Les Pitchouns", "L’Île aux Enfants",
        "Le Jardin d’Éveil", "Les Petits Loups", "La Farandole", "Les Canaillous", "Arc-en-ciel", "Les Galopins", "Les Colibris",
        "Les Hirondelles", "Les Écureuils", "Les Mésanges", "Les Bambins", "Les Diablotins", "Pomme d’Api", "La Ribambelle",
        "Les Moussaillons", "Les Trois Pommes", "Les Oursons", "Les Pâquerettes", "Les Tournesols", "Les Cerisiers", "Les Tilleuls",
        "Les Glycines", "Les Capucines", "Les Coquelicots", "Le Petit Prince", "Les Frimousses", "Les Câlins", "Les Marmots",
        "Les Poussins", "Les Nuages", "Les Étoiles", "Les Libellules", "Les Abeilles", "La Maison des Bébés", "Les Koalas",
        "Les Girafes", "Les Petits Mousses", "Les Grillons", "Les Lilas", "Les Myosotis", "Les Roseaux", "Les Marronniers",
        "Le Manège", "La Comptine", "La Courte Échelle", "Les Petits Bateaux", "Le Cerf-Volant", "La Clé des Champs", "Les Bleuets",
        "Les Mimosas", "Les Violettes", "Les Pinsons", "Les Rossignols", "Les Lapinous", "Les Dauphins", "Les Petites Graines",
        "Le Nid", "La Maison Bleue", "Le Petit Jardin", "Les Jonquilles", "Les Primevères", "Les Cigales", "Le Tipi", "La Cabane",
        "Les Pirouettes", "Les Chatons", "Les Ritournelles", "Les Boutons d’Or", "Les Marguerites", "Les Acacias", "Les Platanes",
        "Le Carrousel", "Les Petits Explorateurs", "La Toupie", "Les Mille Pattes", "Le Petit Navire", "Les Pommiers",
    ];

    public static readonly string[] MicroThemes =
    [
        "Petits Pas", "Bulle d’Éveil", "Pirouette", "Ma Petite Planète", "Les P’tits Bouts", "Graine de Malice", "Premiers Pas",
        "Le Petit Monde", "Les Doudous", "Cocon", "Les Petits Curieux", "L’Envol", "Le Petit Nuage", "Les Petits Génies",
        "Bout’chou", "La Petite Ourse", "Les Minots", "Les Loupiots", "Tom Pouce", "Les Mini-Pousses", "Câlin Câline",
        "Les Petits Artistes", "Le Petit Cocon", "Les Petits Malins", "Éveil et Sourires", "Les Petits Chaperons", "Trotinette",
    ];

    public static readonly string[] FamilialeSuffixes =
    [
        "du Centre", "des Coteaux", "du Parc", "de la Gare", "du Plateau", "des Jardins", "du Moulin", "des Bords de l’Eau",
        "du Vieux Pays", "des Quatre Chemins", "du Marché", "des Sablons",
    ];

    public static readonly string[] MamThemes =
    [
        "Les P’tits Loups", "Les Bout’chou", "La Ribambelle", "Les Petites Mains", "Le Cocon des Petits", "Les Petits Trésors",
        "Les Petits Lutins", "Les Frimousses", "La Maison des Doudous", "Les Marmailles", "Au Pays des Bambins", "Les Calinous",
        "Le Petit Monde", "Les Loustics", "Les Pitchounes", "Les Petits Princes",
    ];

    public static readonly string[] LaepThemes =
    [
        "La Passerelle", "L’Escale", "Le Petit Port", "La Parenthèse", "L’Arbre à Palabres", "Le Jardin des Familles",
        "La Bulle", "Le Petit Pont", "La Maison Ouverte", "Le Tipi des Familles",
    ];

    public static readonly string[] AssociationNames =
    [
        "Association Premiers Pas", "Association Graines d’Éveil", "Association Petite Enfance et Familles", "Association Les Pousses",
        "Association Bulles d’Enfance", "Association Grandir Ici", "Association Câlins et Comptines", "Association Le Fil des Familles",
    ];

    public static readonly string[] CompanyNames =
    [
        "Crèches Horizon", "Petits Explorateurs SAS", "Éveil & Sens", "Cocon Crèches", "Les Jardins de Lila SAS", "Mille Bambins SAS",
    ];

    public static readonly string[] FirstNames =
    [
        "Nadia", "Fatoumata", "Aïcha", "Sophie", "Maria", "Ana", "Samira", "Khadija", "Isabelle", "Nathalie", "Mariama", "Leïla",
        "Sandrine", "Valérie", "Kadiatou", "Yasmina", "Priya", "Lakshmi", "Hawa", "Awa", "Fatima", "Malika", "Rachida", "Céline",
        "Christine", "Sylvie", "Martine", "Véronique", "Amel", "Nora", "Sabrina", "Linda", "Djamila", "Souad", "Assia", "Karima",
        "Farida", "Zohra", "Mireille", "Josiane", "Carla", "Fernanda", "Teresa", "Luísa", "Rosa", "Aminata", "Binta", "Coumba",
        "Saïda", "Naïma", "Hélène", "Catherine", "Patricia", "Nicole", "Monique", "Brigitte", "Stéphanie", "Aurélie", "Émilie",
        "Julie", "Laetitia", "Marie", "Anne", "Chantal", "Dalila", "Houria", "Ourida", "Thanh", "Mei", "Ling", "Kavita", "Sharmila",
        "Elena", "Ioana", "Magdalena", "Olga", "Yamina", "Zineb", "Salimata", "Ramata", "Nafissatou", "Grace", "Esther", "Ruth",
        "Karim", "Moussa", "Thomas",
    ];

    // Letters that commonly start French and immigrant surnames, so that "Nadia B." reads naturally.
    public const string Initials = "ABBCCDDEFGGHJKLLMMMNOPRSSTTVYZ";

    public static readonly string[] Languages = ["arabe", "portugais", "anglais", "tamoul", "bambara", "soninké", "espagnol", "turc", "roumain", "kabyle", "mandarin", "wolof"];

    public static readonly string[] Streets =
    [
        "rue de la République", "avenue Jean Jaurès", "rue Victor Hugo", "rue Gabriel Péri", "rue Jules Ferry", "boulevard Pasteur",
        "rue de Paris", "avenue du Général de Gaulle", "rue Paul Vaillant-Couturier", "rue Anatole France", "rue Voltaire",
        "rue Jean Moulin", "allée des Tilleuls", "rue des Écoles", "rue de la Mairie", "place de la Libération", "rue Émile Zola",
        "rue Pierre Brossolette", "avenue Henri Barbusse", "rue Louise Michel", "rue du 8 Mai 1945", "rue Danton", "rue Carnot",
        "rue Lamartine", "rue Marcel Cachin", "avenue de Stalingrad", "rue Jean-Baptiste Clément", "rue de la Paix",
        "rue des Lilas", "rue Pablo Picasso", "rue Condorcet", "rue Edouard Vaillant", "avenue de la Division Leclerc",
        "rue du Moulin", "rue de l’Église", "rue des Jardins", "allée des Peupliers", "rue Jean Jacques Rousseau", "rue Diderot",
        "rue Aristide Briand", "rue du Stade", "avenue de la Résistance", "rue Georges Clemenceau", "rue Parmentier",
        "rue Gambetta", "rue des Rosiers", "rue du Château", "rue Maurice Ravel", "rue Molière", "rue Racine",
    ];
}
