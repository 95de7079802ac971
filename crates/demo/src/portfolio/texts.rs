//! The work students put in their portfolios, by plan domain: a title,
//! what it is, two reflections in the student's own voice (one is chosen;
//! some students leave it for later), and the work itself — a text written
//! in the portfolio or a link to where it lives. Links point at
//! `example.org` hosts, never at a real site. Each piece names the
//! competencies that fit it, from the domain crate's built-in lists.

/// What the piece holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Content {
    /// Written in the portfolio itself.
    Text(&'static str),
    /// A link to work kept elsewhere.
    Link(&'static str),
}

/// One piece of work a student might add.
#[derive(Debug, Clone, Copy)]
pub(super) struct Work {
    /// The grades it fits, inclusive.
    pub grades: (i32, i32),
    pub title: &'static str,
    pub description: &'static str,
    pub reflections: [&'static str; 2],
    pub content: Content,
    pub tags: &'static [&'static str],
}

impl Work {
    pub(super) fn fits(&self, grade: i32) -> bool {
        (self.grades.0..=self.grades.1).contains(&grade)
    }
}

const MS: (i32, i32) = (6, 8);
const HS: (i32, i32) = (9, 12);
const UPPER: (i32, i32) = (11, 12);

use Content::{Link, Text};

pub(super) const ACADEMIC: &[Work] = &[
    Work {
        grades: MS,
        title: "Science fair: which paper towel soaks up the most water?",
        description: "My sixth-grade science fair project. I tested four brands three times each.",
        reflections: [
            "I learned why you have to repeat a test. My first try said the cheap brand won, but that was a mistake in how I measured.",
            "Next time I would pick a question I care about more. But I did like making the graph.",
        ],
        content: Text(
            "Question: which brand of paper towel absorbs the most water? Hypothesis: the most expensive one. \
             I dipped one sheet of each brand in 200 mL of water for 10 seconds and measured what was left. \
             I did it three times for each brand. Result: brand C held 41 mL on average, brand A only 28 mL. \
             My hypothesis was wrong, because brand C was the second cheapest. The texture mattered more than the price.",
        ),
        tags: &["p21:critical_thinking", "asca:B-LS-1", "p21:information_literacy"],
    },
    Work {
        grades: MS,
        title: "Poem: My Grandmother's Kitchen",
        description: "A poem I wrote in ELA for our unit on sensory details.",
        reflections: [
            "My teacher said the line about the radio was my strongest. I read it out loud to my grandma and she cried (the good kind).",
            "It was hard to write about smells without just saying 'it smelled good'. I rewrote it four times.",
        ],
        content: Text(
            "The radio plays the same three songs, / onions hiss like they are telling secrets, / \
             flour on the counter, flour on her glasses, / a wooden spoon that is older than my mom. / \
             She never measures anything. / She says you measure with your heart, / \
             and then she adds more salt anyway.",
        ),
        tags: &["p21:creativity_innovation", "p21:communication", "casel:self_awareness"],
    },
    Work {
        grades: MS,
        title: "Ancient Egypt slideshow",
        description: "A group project on daily life in Ancient Egypt. I did the slides about food and farming.",
        reflections: [
            "Our group split the work fairly this time. I learned to check my sources because one website was just wrong about the pyramids.",
            "I talked too fast when we presented. I want to practice speaking slower.",
        ],
        content: Link("https://slides.example.org/p/ancient-egypt-daily-life"),
        tags: &["p21:collaboration", "p21:information_literacy", "asca:B-SS-6"],
    },
    Work {
        grades: MS,
        title: "Fractions project: planning a pizza party",
        description: "Math project where we planned a party for 24 people on a budget using fractions and unit prices.",
        reflections: [
            "I finally get why you need a common denominator. Splitting pizzas made it make sense.",
            "We went over budget on the first try because I forgot tax. Checking my work saved us.",
        ],
        content: Text(
            "We need to feed 24 people, and each person eats 3/8 of a pizza. That is 9 pizzas. \
             Large pizzas cost $11.50 and mediums cost $8.25, but a large has 1 1/2 times the slices. \
             Price per slice: large $0.96, medium $1.03, so larges are the better deal. \
             Total for 9 larges with 6% tax: $109.71. We were under our $120 budget with $10.29 left for drinks.",
        ),
        tags: &["p21:critical_thinking", "asca:B-LS-3"],
    },
    Work {
        grades: MS,
        title: "Persuasive letter: a longer lunch period",
        description: "A letter to our principal arguing for a 30-minute lunch instead of 22 minutes.",
        reflections: [
            "The principal actually wrote back! She said no, but she liked my evidence about the lunch line.",
            "I learned that a counterargument makes your argument stronger, not weaker.",
        ],
        content: Text(
            "Dear Dr. Hanley, I am writing to ask you to make lunch 30 minutes long. Right now we have 22 minutes, \
             but the line takes about 11 minutes, so students in the back get 11 minutes to eat. \
             Some people say a longer lunch means less class time, but we could take the 8 minutes from homeroom, \
             which is mostly announcements. Students who eat enough pay better attention in the afternoon. \
             Thank you for reading my letter.",
        ),
        tags: &["p21:communication", "casel:responsible_decision_making", "asca:B-SS-1"],
    },
    Work {
        grades: MS,
        title: "Book review: Wonder",
        description: "My review for the class book blog.",
        reflections: [
            "I liked writing about a book I actually liked. I gave it 4 stars because the ending was a little too perfect.",
            "Writing the review made me notice how the author switches who is telling the story.",
        ],
        content: Link("https://blog.example.org/class-reads/wonder-review"),
        tags: &["p21:communication", "casel:social_awareness"],
    },
    Work {
        grades: MS,
        title: "Water cycle model",
        description: "A model of the water cycle in a plastic bin, with a video explaining it.",
        reflections: [
            "The condensation part actually worked! You could see drops on the plastic wrap after an hour.",
            "I had to redo the video because I forgot to explain runoff.",
        ],
        content: Link("https://video.example.org/watch/water-cycle-bin-model"),
        tags: &["p21:creativity_innovation", "p21:ict_literacy"],
    },
    Work {
        grades: MS,
        title: "Ratios in recipes",
        description: "Scaling my family's empanada recipe from 12 to 30.",
        reflections: [
            "I used something from math at home for real. My tía checked my numbers and they were right.",
            "Decimals in recipes are weird. You can't really use 2.5 eggs, so we rounded.",
        ],
        content: Text(
            "The recipe makes 12 empanadas. To make 30, multiply everything by 30/12 = 2.5. \
             Flour: 3 cups becomes 7 1/2 cups. Butter: 1/2 cup becomes 1 1/4 cups. Eggs: 2 becomes 5. \
             Filling: 1 pound of beef becomes 2 1/2 pounds. We made them for my cousin's birthday.",
        ),
        tags: &["p21:critical_thinking", "asca:M-4"],
    },
    Work {
        grades: MS,
        title: "Coding club: my first game in block code",
        description: "A maze game I made in block code during coding club.",
        reflections: [
            "Debugging the walls took forever. The ghost kept going through them until I fixed the order of the blocks.",
            "My little brother played it ten times, so I think it is fun.",
        ],
        content: Link("https://code.example.org/projects/maze-escape"),
        tags: &["p21:creativity_innovation", "p21:ict_literacy", "asca:B-SMS-5"],
    },
    Work {
        grades: MS,
        title: "Research report: the Underground Railroad in our state",
        description: "A report for social studies using two primary sources from the library.",
        reflections: [
            "Reading the real letters from 1850 made it feel less like a textbook.",
            "I learned how to write a bibliography. It is boring but it matters.",
        ],
        content: Text(
            "Several towns along the river were stops on the Underground Railroad. \
             A letter from 1851 in the town library describes a family who hid people in a barn and moved them north at night. \
             People who helped could be fined $1,000 under the Fugitive Slave Act, which was a huge amount then. \
             I learned that ordinary people took big risks, and that many freedom seekers guided themselves.",
        ),
        tags: &["p21:information_literacy", "casel:social_awareness", "asca:B-LS-1"],
    },
    Work {
        grades: HS,
        title: "Argumentative essay: should our town ban plastic bags?",
        description: "English essay using three sources. Final draft after peer review.",
        reflections: [
            "Peer review helped a lot. My partner pointed out that my second paragraph had no evidence, just my opinion.",
            "I changed my mind while researching. I started against the ban and ended up for it.",
        ],
        content: Text(
            "Every year the average American uses about 365 plastic bags, and fewer than one in ten is recycled. \
             Our town should ban single-use plastic bags at checkout and charge ten cents for paper ones. \
             Opponents argue a ban hurts low-income families, but towns that paired a ban with free reusable bags \
             saw no rise in costs for shoppers. A ban is a small change that keeps plastic out of the river we all swim in.",
        ),
        tags: &["p21:critical_thinking", "p21:communication", "casel:responsible_decision_making"],
    },
    Work {
        grades: HS,
        title: "Chemistry lab: how temperature changes reaction rate",
        description: "Lab report on Alka-Seltzer tablets dissolving in water at four temperatures.",
        reflections: [
            "My error analysis was the best part. I figured out the stopwatch reaction time mattered more than I thought.",
            "I struggled with the graph at first. Labeling the axes with units fixed half my points.",
        ],
        content: Text(
            "Purpose: find how water temperature affects the rate of reaction. \
             At 5 °C the tablet took 94 s to dissolve, at 20 °C 51 s, at 40 °C 29 s, at 60 °C 17 s. \
             Higher temperature means molecules move faster and collide more often, so the reaction speeds up. \
             Sources of error: the starting size of the tablets was not exactly the same and our timing was by hand.",
        ),
        tags: &["p21:critical_thinking", "p21:information_literacy", "asca:B-LS-1"],
    },
    Work {
        grades: HS,
        title: "Geometry proofs I'm proud of",
        description: "Three two-column proofs from the triangle congruence unit.",
        reflections: [
            "Proofs used to scare me. Now they feel like puzzles.",
            "The last one took me three days. I kept trying SAS when it was really ASA.",
        ],
        content: Link("https://docs.example.org/d/geometry-proofs-triangle-congruence"),
        tags: &["p21:critical_thinking", "asca:B-SMS-5"],
    },
    Work {
        grades: HS,
        title: "Spanish oral presentation: mi comunidad",
        description: "A five-minute presentation in Spanish about my neighborhood, recorded in class.",
        reflections: [
            "I was so nervous but I didn't read from my notes. Progress!",
            "My accent is better than last year. I still mix up ser and estar when I'm nervous.",
        ],
        content: Link("https://video.example.org/watch/mi-comunidad-presentacion"),
        tags: &["p21:communication", "p21:social_cross_cultural"],
    },
    Work {
        grades: HS,
        title: "Physics: egg drop design log",
        description: "Our team's design notes, tests and final result for the egg drop from the third floor.",
        reflections: [
            "Our first design broke three eggs. Failing early was actually useful because we learned what the straws were doing.",
            "I learned I like the building part more than the math part, but you need both.",
        ],
        content: Text(
            "Design 1: straw cage, no parachute. Dropped from 2 m, egg cracked. \
             Design 2: added a parachute from a trash bag, 40 cm across. Survived 2 m, cracked from 6 m. \
             Design 3: bigger parachute and a cotton nest inside the cage. Survived 9 m (third floor) twice. \
             The parachute slowed it down so the impact force was smaller. Mass: 148 g. Cost: $0 (recycled materials).",
        ),
        tags: &["p21:collaboration", "p21:creativity_innovation", "p21:critical_thinking"],
    },
    Work {
        grades: HS,
        title: "Short story: The Last Ferry",
        description: "Creative writing unit. A story about a girl who misses the last ferry home.",
        reflections: [
            "I wanted the ending to be quiet instead of dramatic. I think it worked.",
            "Writing dialogue is harder than it looks. I read it out loud to check it sounded like real people.",
        ],
        content: Text(
            "The horn sounded twice, which meant the ferry was already leaving. Nora ran the last fifty feet anyway, \
             her backpack slapping against her spine, and stopped at the edge of the dock as the water widened. \
             'Next one's at six a.m.,' said the man in the ticket booth, not looking up. \
             She sat on the bench and watched the lights of the island get smaller. For the first time all year, \
             nobody knew exactly where she was, and she was surprised to find she didn't mind.",
        ),
        tags: &["p21:creativity_innovation", "p21:communication", "casel:self_awareness"],
    },
    Work {
        grades: HS,
        title: "Statistics project: sleep and grades survey",
        description: "We surveyed 112 students about sleep and GPA and looked for a correlation.",
        reflections: [
            "Correlation is not causation! I finally understand what that means.",
            "Our survey questions had a problem: people guess their sleep hours. Next time we'd use a sleep log.",
        ],
        content: Link("https://slides.example.org/p/sleep-and-grades-survey"),
        tags: &["p21:information_literacy", "p21:critical_thinking", "p21:collaboration"],
    },
    Work {
        grades: HS,
        title: "Water quality of Mill Creek (biology poster)",
        description: "Research poster on nitrate and dissolved oxygen at three sites along Mill Creek.",
        reflections: [
            "Going out to the creek to take samples made biology feel real.",
            "I presented the poster at the science night and answered questions from a real scientist.",
        ],
        content: Link("https://docs.example.org/d/mill-creek-water-quality-poster"),
        tags: &["p21:information_literacy", "p21:critical_thinking", "casel:social_awareness"],
    },
    Work {
        grades: HS,
        title: "Literary analysis: light and dark in The Great Gatsby",
        description: "Five-paragraph analysis of the green light and other light imagery.",
        reflections: [
            "My thesis got sharper after my teacher's comments on the first draft.",
            "I used to summarize the plot instead of analyzing. This is the first essay where I didn't.",
        ],
        content: Text(
            "Fitzgerald uses light to show the distance between what his characters want and what they can have. \
             The green light at the end of Daisy's dock is bright but always across the water; \
             Gatsby's mansion blazes with light at his parties, yet he stands alone watching. \
             By the final chapter the light is only a memory, and the novel suggests that the dream was always \
             more powerful than the thing itself.",
        ),
        tags: &["p21:critical_thinking", "p21:communication"],
    },
    Work {
        grades: HS,
        title: "History podcast: the Harlem Renaissance",
        description: "A 12-minute podcast episode we scripted and recorded for US History.",
        reflections: [
            "I did the editing. Cutting 25 minutes down to 12 taught me what actually matters in a story.",
            "Reading Langston Hughes out loud for the intro was my favorite part.",
        ],
        content: Link("https://audio.example.org/episodes/harlem-renaissance"),
        tags: &["p21:media_literacy", "p21:collaboration", "p21:ict_literacy"],
    },
    Work {
        grades: HS,
        title: "Coding project: homework tracker app",
        description: "A small web app I built in Intro to Computer Science to track assignments.",
        reflections: [
            "I use it myself now, which is the best test.",
            "The hardest part was saving the data so it didn't disappear when you refresh.",
        ],
        content: Link("https://code.example.org/projects/homework-tracker"),
        tags: &["p21:ict_literacy", "p21:creativity_innovation", "p21:initiative_self_direction"],
    },
    Work {
        grades: HS,
        title: "Art: charcoal self-portrait series",
        description: "Three charcoal self-portraits from the start, middle and end of the semester.",
        reflections: [
            "Putting them side by side shows how much my shading improved.",
            "I hated the first one. Now I'm glad I kept it.",
        ],
        content: Link("https://gallery.example.org/student-work/charcoal-self-portraits"),
        tags: &["p21:creativity_innovation", "casel:self_awareness", "asca:M-2"],
    },
    Work {
        grades: HS,
        title: "Economics: my first real budget",
        description: "A monthly budget for living on my own after graduation, with real rents from our area.",
        reflections: [
            "Rent is way more than I thought. This made me think harder about roommates and community college first.",
            "I didn't know about renter's insurance. Now I do.",
        ],
        content: Text(
            "Take-home pay at $17/hour, 35 hours a week: about $2,200 a month. \
             Rent for a shared two-bedroom: $850. Utilities and phone: $160. Food: $350. Bus pass: $65. \
             Savings: $200. Renter's insurance: $15. Fun money: $150. \
             That leaves about $410 for everything I forgot, which my teacher says will happen.",
        ),
        tags: &["casel:responsible_decision_making", "p21:productivity_accountability"],
    },
    Work {
        grades: HS,
        title: "Algebra II: modeling our town's population",
        description: "Exponential model of population from census data, and a prediction for 2040.",
        reflections: [
            "Using real census numbers made the equations mean something.",
            "My prediction was way off at first because I used the wrong starting year. Checking it with a graph caught it.",
        ],
        content: Text(
            "Our town had 18,400 people in 2000 and 21,900 in 2020. Using P = P0(1 + r)^t, \
             the growth rate is about 0.87% a year. The model predicts about 23,900 people in 2030 and 26,000 in 2040. \
             The model assumes growth stays steady, which might not happen if the new factory closes or housing runs out.",
        ),
        tags: &["p21:critical_thinking", "p21:information_literacy"],
    },
    Work {
        grades: UPPER,
        title: "AP Seminar: individual research report",
        description: "My 2,000-word research report on later school start times.",
        reflections: [
            "This was the biggest piece of writing I've ever done. Breaking it into weekly goals is the only reason I finished.",
            "I learned to read a research study's method section, not just the abstract.",
        ],
        content: Link("https://docs.example.org/d/ap-seminar-irr-school-start-times"),
        tags: &["p21:information_literacy", "p21:critical_thinking", "asca:B-LS-7", "p21:initiative_self_direction"],
    },
    Work {
        grades: UPPER,
        title: "Dual-credit English: college research paper",
        description: "My paper for the community college composition class, with the professor's comments.",
        reflections: [
            "College grading is harder. A B- from this professor means more to me than an A in high school.",
            "I learned to use the college library database. My citations are finally right.",
        ],
        content: Link("https://docs.example.org/d/comp-101-research-paper"),
        tags: &["p21:communication", "p21:information_literacy", "asca:M-5"],
    },
];

pub(super) const CAREER: &[Work] = &[
    Work {
        grades: MS,
        title: "What I want to be: career poster",
        description: "A poster about a career I am interested in, made after the interest inventory.",
        reflections: [
            "I picked veterinarian but I found out it takes eight years of school. I'm still thinking about it.",
            "My inventory said I'm 'artistic and social'. That sounds like me.",
        ],
        content: Link("https://slides.example.org/p/career-poster-grade-6"),
        tags: &["casel:self_awareness", "asca:M-5", "p21:creativity_innovation"],
    },
    Work {
        grades: MS,
        title: "Interview with my mom about her job",
        description: "Questions I asked my mom about her work at the hospital laundry.",
        reflections: [
            "I didn't know she started at 5 a.m. I appreciate her more now.",
            "She said the most important skill is showing up on time every day. I'm working on that.",
        ],
        content: Text(
            "Q: What do you do? A: I run the big washers and folders for the whole hospital. \
             Q: What is the hardest part? A: Lifting, and the heat. Q: What do you like? A: My team, we laugh a lot. \
             Q: What should I know? A: Every job in a hospital helps patients, even the ones nobody sees.",
        ),
        tags: &["casel:social_awareness", "p21:communication", "asca:B-SS-2"],
    },
    Work {
        grades: MS,
        title: "Career day notes",
        description: "My notes from the speakers at career day.",
        reflections: [
            "The game designer said she was bad at math in middle school. That made me feel better.",
            "I want to learn more about being an electrician. It pays well and you don't need a four-year degree.",
        ],
        content: Text(
            "Speaker 1: a firefighter. 24-hour shifts, lots of training, EMT certificate. \
             Speaker 2: a game designer. Studied art and computer science, works on a team of 40. \
             Speaker 3: an electrician. Apprenticeship for four years, paid while you learn. \
             Speaker 4: a nurse. Two-year or four-year degree, many different places to work.",
        ),
        tags: &["p21:information_literacy", "asca:M-6"],
    },
    Work {
        grades: MS,
        title: "My career cluster exploration",
        description: "Worksheet on three career clusters that matched my interests.",
        reflections: [
            "I didn't know 'transportation' included pilots and logistics. Logistics sounds kind of interesting.",
            "I want to take the robotics elective next year because of this.",
        ],
        content: Text(
            "Cluster 1: Health Science. Jobs: physical therapist, dental hygienist, paramedic. \
             Cluster 2: Arts, A/V Technology and Communications. Jobs: graphic designer, photographer. \
             Cluster 3: Science, Technology, Engineering and Mathematics. Jobs: civil engineer, lab technician. \
             The one I want to learn more about: Health Science, because I like helping people and biology.",
        ),
        tags: &["casel:self_awareness", "asca:M-5", "p21:initiative_self_direction"],
    },
    Work {
        grades: HS,
        title: "My résumé (first draft)",
        description: "The résumé I made in advisory, with my jobs, activities and skills.",
        reflections: [
            "I thought I had nothing to put on it. Babysitting and the food drive count!",
            "My counselor said to use action verbs. 'Helped' became 'organized' and 'trained'.",
        ],
        content: Text(
            "Experience: Babysitter for two families (2 years): care for children ages 3-9, homework help, meal prep. \
             Volunteer, Harbor City Food Bank: sorted donations, helped run the Saturday distribution line. \
             Activities: JV soccer, Spanish Club. Skills: bilingual English/Spanish, Google Workspace, CPR certified. \
             References available on request.",
        ),
        tags: &["p21:communication", "p21:productivity_accountability", "asca:B-SMS-1"],
    },
    Work {
        grades: HS,
        title: "Job shadow reflection: a day with an electrician",
        description: "What I saw and learned shadowing a licensed electrician on a job site.",
        reflections: [
            "I liked that the work was different every hour. I'm going to look at the electrical pathway.",
            "Safety is a bigger deal than I thought. He checked everything twice.",
        ],
        content: Text(
            "I spent a day with a licensed electrician rewiring a kitchen in an old house. \
             We started at 7 a.m. He showed me how he reads the plans, tests that a circuit is dead before touching it, \
             and labels every wire. He did a four-year apprenticeship and got paid the whole time. \
             He said the most important things are math, patience, and being honest when you make a mistake.",
        ),
        tags: &["casel:self_awareness", "p21:information_literacy", "asca:M-6"],
    },
    Work {
        grades: HS,
        title: "Mock interview feedback",
        description: "Notes from my mock interview with a volunteer from the chamber of commerce.",
        reflections: [
            "I said 'um' a lot. I'm going to practice my answers out loud.",
            "She liked my example about fixing the schedule at the food bank. Stories work better than lists.",
        ],
        content: Text(
            "Strengths: good eye contact, firm handshake, specific examples. \
             To work on: answer 'tell me about yourself' in under a minute; don't say 'I don't know' about weaknesses; \
             bring a question to ask them. My question for next time: 'What does a great first month look like in this job?'",
        ),
        tags: &["p21:communication", "casel:self_management", "asca:B-SS-1"],
    },
    Work {
        grades: HS,
        title: "Why I chose the health science pathway",
        description: "My pathway choice statement for tenth grade.",
        reflections: [
            "Writing this made me realize I've wanted this since my grandpa was in the hospital.",
            "I'm not 100% sure, but the pathway gives me a certification either way.",
        ],
        content: Text(
            "I chose health science because I want a job where I help people every day and keep learning. \
             The pathway lets me take medical terminology and a CNA course before I graduate, \
             so I can work in a hospital while I'm in college. I'm interested in nursing and physical therapy. \
             I will know more after my job shadow next year.",
        ),
        tags: &["casel:responsible_decision_making", "asca:M-5", "asca:B-SMS-1"],
    },
    Work {
        grades: HS,
        title: "Culinary: café menu I designed",
        description: "A spring menu for the school café with costs per plate.",
        reflections: [
            "Costing the plates was the hardest part. The grain bowl was too expensive until we changed the protein.",
            "Chef said my plating has improved a lot since fall.",
        ],
        content: Link("https://docs.example.org/d/spring-cafe-menu"),
        tags: &["p21:creativity_innovation", "p21:productivity_accountability"],
    },
    Work {
        grades: HS,
        title: "CAD drawing: mounting bracket",
        description: "Engineering class: a bracket designed in CAD and 3D-printed.",
        reflections: [
            "My first print failed because the wall was too thin. The second one held 5 kg.",
            "I want to do an engineering internship next summer.",
        ],
        content: Link("https://code.example.org/cad/mounting-bracket-v2"),
        tags: &["p21:ict_literacy", "p21:creativity_innovation", "p21:critical_thinking"],
    },
    Work {
        grades: HS,
        title: "Business plan: weekend dog walking",
        description: "A simple business plan for the dog-walking service I started with my cousin.",
        reflections: [
            "We have six regular dogs now. Keeping track of who paid is the hardest part.",
            "I learned that you need to tell customers your prices up front.",
        ],
        content: Text(
            "Service: 30-minute walks on Saturday and Sunday mornings. Price: $12 per walk, $20 for two dogs. \
             Customers: neighbors within a 10-minute walk. Costs: leashes, bags, a phone plan for scheduling. \
             Goal: 8 regular customers by summer. Risk: bad weather; plan: offer indoor play visits instead.",
        ),
        tags: &["p21:initiative_self_direction", "p21:leadership_responsibility", "casel:responsible_decision_making"],
    },
    Work {
        grades: UPPER,
        title: "College essay draft",
        description: "My personal statement draft for the Common App.",
        reflections: [
            "My counselor said the first draft was 'a list of accomplishments'. This one is a story.",
            "It took five drafts to find the real topic, which turned out to be my little sister.",
        ],
        content: Text(
            "When my sister was born I was eleven, and my parents both worked nights. I learned to warm a bottle with one hand \
             and do fractions with the other. At first I thought of it as losing my free time. \
             Now I think of it as the year I learned I can be responsible for someone else, \
             and that patience is something you practice, not something you have.",
        ),
        tags: &["casel:self_awareness", "p21:communication", "asca:M-1"],
    },
    Work {
        grades: UPPER,
        title: "College and program comparison",
        description: "A table comparing cost, programs and distance for the schools on my list.",
        reflections: [
            "The net price calculator changed my list. The 'expensive' private school might cost less than I thought.",
            "Community college and then transfer is looking really smart.",
        ],
        content: Link("https://docs.example.org/d/college-comparison-sheet"),
        tags: &["casel:responsible_decision_making", "p21:information_literacy", "asca:B-LS-9"],
    },
    Work {
        grades: UPPER,
        title: "What I learned at FAFSA night",
        description: "Notes from the financial aid night with my dad.",
        reflections: [
            "My dad and I both learned a lot. We made the accounts that night.",
            "I didn't know work-study was a thing. That could really help.",
        ],
        content: Text(
            "You need an account for the student and for a parent. Use tax info from two years ago. \
             Grants don't have to be paid back; loans do. Work-study is a part-time job on campus. \
             Deadline for the state grant is earlier than the federal one, so do it in October.",
        ),
        tags: &["casel:responsible_decision_making", "asca:B-SMS-6"],
    },
    Work {
        grades: UPPER,
        title: "Scholarship essay: my community",
        description: "Essay for the local Rotary scholarship.",
        reflections: [
            "I got to say thank you to the people who helped me. Even if I don't win, it was worth writing.",
            "Cutting it to 500 words was brutal but it's better now.",
        ],
        content: Text(
            "My community is the six blocks between my house and the library. \
             It's Mrs. Ortiz, who let me do homework at her bakery counter; it's the library's free Wi-Fi; \
             it's the coaches who drove me home after practice. I want to study nursing so I can come back \
             and be one of the people who makes those six blocks a place where kids can grow up.",
        ),
        tags: &["casel:social_awareness", "p21:communication", "asca:M-3"],
    },
];

pub(super) const SEP: &[Work] = &[
    Work {
        grades: MS,
        title: "My goals for this year",
        description: "Three goals I set in advisory at the start of the year.",
        reflections: [
            "I met two of the three. Reading every night is still hard.",
            "Writing goals down helps. I check this page sometimes.",
        ],
        content: Text(
            "1. Turn in all my math homework on time. 2. Read for 20 minutes every night. \
             3. Try out for the volleyball team. How I will do it: use my planner every day, \
             read before bed instead of my phone, practice serves with my sister on weekends.",
        ),
        tags: &["casel:self_management", "asca:B-SMS-1", "asca:B-SMS-5"],
    },
    Work {
        grades: MS,
        title: "How I handle test stress",
        description: "A reflection from our advisory lesson on stress.",
        reflections: [
            "The breathing thing actually works. I did it before the state test.",
            "I learned that a lot of people feel nervous, not just me.",
        ],
        content: Text(
            "Before a test my stomach hurts and I forget things I know. What helps: sleeping enough the night before, \
             eating breakfast, doing box breathing (in 4, hold 4, out 4, hold 4), \
             and starting with the questions I know. What doesn't help: studying at midnight.",
        ),
        tags: &["casel:self_management", "casel:self_awareness", "asca:B-SMS-7"],
    },
    Work {
        grades: MS,
        title: "Kindness week project",
        description: "Our advisory's kindness wall and what we did for the cafeteria staff.",
        reflections: [
            "The cafeteria ladies were so happy with the cards. One of them put hers on the fridge.",
            "I was shy about writing a card to someone I don't know, but it felt good.",
        ],
        content: Link("https://slides.example.org/p/kindness-week-advisory"),
        tags: &["casel:social_awareness", "casel:relationship_skills", "asca:B-SS-4"],
    },
    Work {
        grades: MS,
        title: "Gratitude journal (one week)",
        description: "One week of my gratitude journal from the wellness unit.",
        reflections: [
            "It was weird at first, but by Friday it was easy to find things.",
            "I noticed a lot of my good things were about my friends.",
        ],
        content: Text(
            "Monday: my friend saved me a seat. Tuesday: no homework in science. Wednesday: tacos at home. \
             Thursday: I finally landed the kickflip. Friday: my teacher said my essay was creative.",
        ),
        tags: &["casel:self_awareness", "asca:M-1"],
    },
    Work {
        grades: MS,
        title: "What makes a good friend",
        description: "Advisory writing prompt after a conflict in our friend group.",
        reflections: [
            "We worked it out. I learned to talk to people directly instead of in the group chat.",
            "I want to be a better listener.",
        ],
        content: Text(
            "A good friend tells you the truth even when it is awkward, sticks up for you when you are not there, \
             and says sorry when they mess up. I am good at being loyal. I need to work on not interrupting.",
        ),
        tags: &["casel:relationship_skills", "asca:B-SS-2", "casel:self_awareness"],
    },
    Work {
        grades: HS,
        title: "Looking back on my first semester of high school",
        description: "Advisory reflection at the end of fall semester.",
        reflections: [
            "Reading this again in the spring, I can see I got better at asking for help.",
            "I was too hard on myself here. A C in biology isn't the end of the world.",
        ],
        content: Text(
            "High school is bigger and faster than I expected. I got lost the first week and was late to PE twice. \
             I'm proud of my English grade and of joining the art club. I need to start big projects earlier \
             and go to tutoring before I'm behind, not after. Next semester I will use my planner every day.",
        ),
        tags: &["casel:self_awareness", "asca:B-SMS-1", "asca:M-4"],
    },
    Work {
        grades: HS,
        title: "Leading the canned food drive",
        description: "How our club organised the fall canned food drive.",
        reflections: [
            "Leading people my age is hard. I learned to ask instead of tell.",
            "We collected 1,400 cans. I want to do it again next year and beat it.",
        ],
        content: Text(
            "I was one of three student leaders. We set a goal of 1,000 cans, made posters, and ran a competition \
             between advisories. The hardest part was getting volunteers to sort on a Saturday. \
             We collected 1,412 cans and 60 pounds of rice for the food bank.",
        ),
        tags: &["p21:leadership_responsibility", "casel:relationship_skills", "asca:B-SS-8"],
    },
    Work {
        grades: HS,
        title: "My wellness plan for finals",
        description: "A plan for sleep, study and breaks during finals week.",
        reflections: [
            "I actually followed it this time and didn't pull an all-nighter.",
            "Putting breaks in the schedule made studying feel less endless.",
        ],
        content: Text(
            "Sleep: in bed by 11, phone in the kitchen. Study: 50 minutes on, 10 off, hardest subject first. \
             Move: walk the dog every afternoon. Food: real breakfast. If I feel panicky: text my friend, \
             do five minutes of breathing, and go see my counselor if it keeps happening.",
        ),
        tags: &["casel:self_management", "asca:B-SMS-7", "asca:B-SMS-10"],
    },
    Work {
        grades: HS,
        title: "Letter to my future self",
        description: "A letter I wrote to read at graduation.",
        reflections: [
            "Sealed until graduation. I wonder what I'll think.",
            "Writing it made me think about what kind of person I want to be, not just what job I want.",
        ],
        content: Text(
            "Dear future me, I hope you still laugh at the same dumb videos and that you called Grandma this week. \
             I hope you kept playing music even when it got busy. Right now I'm worried about fitting in and about math. \
             If those things worked out, remember that they felt huge once. If they didn't, remember you got through it.",
        ),
        tags: &["casel:self_awareness", "asca:M-1", "asca:M-2"],
    },
    Work {
        grades: HS,
        title: "Peer mentoring: what I learned helping ninth graders",
        description: "Reflection on a semester as a peer mentor in ninth-grade advisory.",
        reflections: [
            "I saw myself in some of the freshmen. It made me see how far I've come.",
            "Listening is a skill. I'm better at it now.",
        ],
        content: Text(
            "I met with four ninth graders every Thursday. Mostly we talked about grades, friends and how to talk to teachers. \
             One of them went from failing two classes to passing all of them. \
             I learned that people don't always want advice; sometimes they want someone to listen first.",
        ),
        tags: &["casel:relationship_skills", "p21:leadership_responsibility", "asca:B-SS-3"],
    },
    Work {
        grades: HS,
        title: "Spoken word: Two Languages",
        description: "My performance at the multicultural night.",
        reflections: [
            "My hands were shaking but my voice wasn't. My parents were in the front row.",
            "People came up to me afterward and said they felt the same way about switching languages.",
        ],
        content: Link("https://video.example.org/watch/two-languages-spoken-word"),
        tags: &["casel:self_awareness", "p21:social_cross_cultural", "p21:communication"],
    },
    Work {
        grades: HS,
        title: "Team captain reflection",
        description: "What I learned as captain of the cross-country team.",
        reflections: [
            "Being captain meant showing up even on days I didn't feel like it.",
            "I learned that encouraging the slowest runner matters as much as winning.",
        ],
        content: Text(
            "As captain I led warm-ups, checked in with new runners and talked to the coach when the team had a problem. \
             Our team got closer this year; we had pasta dinners before every meet. \
             My own times dropped by 40 seconds. The thing I'm proudest of is that nobody quit.",
        ),
        tags: &["p21:leadership_responsibility", "casel:relationship_skills", "asca:B-SS-9"],
    },
    Work {
        grades: HS,
        title: "My sleep experiment",
        description: "Two weeks of tracking my sleep and how I felt in first period.",
        reflections: [
            "Phone off at 10:30 made the biggest difference. I hate that it's true.",
            "I'm going to keep a lighter version of this going.",
        ],
        content: Text(
            "Week 1: usual habits, average 6 h 10 min of sleep, felt tired in first period 5 of 5 days. \
             Week 2: phone charging in the kitchen at 10:30, average 7 h 35 min, tired 1 of 5 days. \
             Conclusion: the phone is the problem, not homework.",
        ),
        tags: &["casel:self_management", "asca:B-SMS-2", "p21:critical_thinking"],
    },
    Work {
        grades: HS,
        title: "Fixing things with a friend",
        description: "Advisory reflection on a conflict and how I handled it.",
        reflections: [
            "We're friends again. I'm glad I didn't just let it go.",
            "It's hard to say 'I was wrong' first, but it works.",
        ],
        content: Text(
            "My friend and I stopped talking after an argument about a group project. \
             I was mad because I did most of the work. I waited until I was calm, then talked to her after school. \
             It turned out she was dealing with stuff at home. We split the next project more clearly and it went fine.",
        ),
        tags: &["casel:relationship_skills", "casel:social_awareness", "asca:B-SS-2"],
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use ssp_domain::portfolio::artifact::{ArtifactContent, ArtifactRaw, BODY_MAX_CHARS};

    fn all() -> impl Iterator<Item = (&'static str, &'static Work)> {
        ACADEMIC
            .iter()
            .map(|w| ("academic", w))
            .chain(CAREER.iter().map(|w| ("career", w)))
            .chain(SEP.iter().map(|w| ("sep", w)))
    }

    #[test]
    fn every_piece_is_an_artifact_the_form_would_accept() {
        for (domain, w) in all() {
            let tags: Vec<String> = w.tags.iter().map(|t| (*t).to_owned()).collect();
            for reflection in w.reflections {
                let (kind, url, body) = match w.content {
                    Content::Text(b) => ("text", "", b),
                    Content::Link(u) => ("link", u, ""),
                };
                let raw = ArtifactRaw {
                    kind,
                    title: w.title,
                    description: w.description,
                    reflection,
                    domain,
                    school_year: "2027",
                    competencies: &tags,
                    url,
                    body,
                };
                let parsed = raw.parse(&[]).unwrap_or_else(|e| panic!("{}: {e:?}", w.title));
                if let ArtifactContent::Link(stored) = &parsed.content {
                    // Stored as the form would store it: the parsed address.
                    assert_eq!(stored.as_str(), url, "{url} is not normalized");
                    assert!(url.contains(".example.org/"), "{url} is not a made-up site");
                }
            }
            assert!(w.grades.0 >= 6 && w.grades.1 <= 12 && w.grades.0 <= w.grades.1);
            if let Content::Text(b) = w.content {
                assert!(b.chars().count() <= BODY_MAX_CHARS);
                assert!(!b.contains('\t') && !b.contains("  "), "{}: stray spaces", w.title);
            }
        }
    }

    #[test]
    fn every_grade_has_work_in_every_domain() {
        for grade in 6..=12 {
            for list in [ACADEMIC, CAREER, SEP] {
                assert!(list.iter().filter(|w| w.fits(grade)).count() >= 4, "grade {grade}");
            }
        }
        let mut titles: Vec<&str> = all().map(|(_, w)| w.title).collect();
        titles.sort_unstable();
        let n = titles.len();
        titles.dedup();
        assert_eq!(titles.len(), n, "no title twice");
    }
}
