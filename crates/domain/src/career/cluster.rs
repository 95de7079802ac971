//! Career clusters as reference data, and ssp's crosswalk from O*NET-SOC
//! codes to them.
//!
//! Two frameworks are kept side by side: the 16 legacy National Career
//! Clusters (still used by many states, Connecticut included, and by Ed-Fi)
//! and the 14 clusters of Advance CTE's modernized framework (October 2024).
//!
//! No licensed O*NET → 2024 crosswalk was available, so the mapping below is
//! ssp's own, written from the SOC structure: a rule per SOC major group
//! (`29`), refined by minor or broad group (`29-1`, `15-12`) and, where an
//! occupation clearly belongs to a sector of its own, by detailed code
//! (`11-9111`, `11-3051.02`). The longest matching prefix wins. The rules are
//! plain data, meant to be read and edited (see `docs/CAREER.md`).

use crate::ParseError;

/// The 16 legacy National Career Clusters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LegacyCluster {
    AgricultureFoodNaturalResources,
    ArchitectureConstruction,
    ArtsAvTechnologyCommunications,
    BusinessManagementAdministration,
    EducationTraining,
    Finance,
    GovernmentPublicAdministration,
    HealthScience,
    HospitalityTourism,
    HumanServices,
    InformationTechnology,
    LawPublicSafetyCorrectionsSecurity,
    Manufacturing,
    Marketing,
    Stem,
    TransportationDistributionLogistics,
}

impl LegacyCluster {
    /// All 16, in the framework's (alphabetical) order.
    pub const ALL: [LegacyCluster; 16] = [
        LegacyCluster::AgricultureFoodNaturalResources,
        LegacyCluster::ArchitectureConstruction,
        LegacyCluster::ArtsAvTechnologyCommunications,
        LegacyCluster::BusinessManagementAdministration,
        LegacyCluster::EducationTraining,
        LegacyCluster::Finance,
        LegacyCluster::GovernmentPublicAdministration,
        LegacyCluster::HealthScience,
        LegacyCluster::HospitalityTourism,
        LegacyCluster::HumanServices,
        LegacyCluster::InformationTechnology,
        LegacyCluster::LawPublicSafetyCorrectionsSecurity,
        LegacyCluster::Manufacturing,
        LegacyCluster::Marketing,
        LegacyCluster::Stem,
        LegacyCluster::TransportationDistributionLogistics,
    ];

    /// The stored key, also the Fluent id's tail (`cluster-legacy-health_science`).
    pub fn key(self) -> &'static str {
        match self {
            LegacyCluster::AgricultureFoodNaturalResources => "agriculture_food_natural_resources",
            LegacyCluster::ArchitectureConstruction => "architecture_construction",
            LegacyCluster::ArtsAvTechnologyCommunications => "arts_av_technology_communications",
            LegacyCluster::BusinessManagementAdministration => "business_management_administration",
            LegacyCluster::EducationTraining => "education_training",
            LegacyCluster::Finance => "finance",
            LegacyCluster::GovernmentPublicAdministration => "government_public_administration",
            LegacyCluster::HealthScience => "health_science",
            LegacyCluster::HospitalityTourism => "hospitality_tourism",
            LegacyCluster::HumanServices => "human_services",
            LegacyCluster::InformationTechnology => "information_technology",
            LegacyCluster::LawPublicSafetyCorrectionsSecurity => "law_public_safety_corrections_security",
            LegacyCluster::Manufacturing => "manufacturing",
            LegacyCluster::Marketing => "marketing",
            LegacyCluster::Stem => "stem",
            LegacyCluster::TransportationDistributionLogistics => "transportation_distribution_logistics",
        }
    }

    /// The official English name (pages show the translated `cluster-legacy-{key}`).
    pub fn name(self) -> &'static str {
        match self {
            LegacyCluster::AgricultureFoodNaturalResources => "Agriculture, Food & Natural Resources",
            LegacyCluster::ArchitectureConstruction => "Architecture & Construction",
            LegacyCluster::ArtsAvTechnologyCommunications => "Arts, A/V Technology & Communications",
            LegacyCluster::BusinessManagementAdministration => "Business Management & Administration",
            LegacyCluster::EducationTraining => "Education & Training",
            LegacyCluster::Finance => "Finance",
            LegacyCluster::GovernmentPublicAdministration => "Government & Public Administration",
            LegacyCluster::HealthScience => "Health Science",
            LegacyCluster::HospitalityTourism => "Hospitality & Tourism",
            LegacyCluster::HumanServices => "Human Services",
            LegacyCluster::InformationTechnology => "Information Technology",
            LegacyCluster::LawPublicSafetyCorrectionsSecurity => "Law, Public Safety, Corrections & Security",
            LegacyCluster::Manufacturing => "Manufacturing",
            LegacyCluster::Marketing => "Marketing",
            LegacyCluster::Stem => "Science, Technology, Engineering & Mathematics",
            LegacyCluster::TransportationDistributionLogistics => "Transportation, Distribution & Logistics",
        }
    }

    /// From a key (`health_science`, any case).
    pub fn parse(s: &str) -> Result<Self, ParseError> {
        let s = s.trim();
        Self::ALL
            .into_iter()
            .find(|c| c.key().eq_ignore_ascii_case(s))
            .ok_or_else(|| ParseError::new("unknown_cluster", format!("unknown career cluster {s:?}")))
    }
}

/// The 14 clusters of Advance CTE's modernized framework (2024).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Cluster2024 {
    AdvancedManufacturing,
    Agriculture,
    ArtsEntertainmentDesign,
    Construction,
    DigitalTechnology,
    Education,
    EnergyNaturalResources,
    FinancialServices,
    HealthcareHumanServices,
    HospitalityEventsTourism,
    ManagementEntrepreneurship,
    MarketingSales,
    PublicServiceSafety,
    SupplyChainTransportation,
}

impl Cluster2024 {
    /// All 14, in the framework's (alphabetical) order.
    pub const ALL: [Cluster2024; 14] = [
        Cluster2024::AdvancedManufacturing,
        Cluster2024::Agriculture,
        Cluster2024::ArtsEntertainmentDesign,
        Cluster2024::Construction,
        Cluster2024::DigitalTechnology,
        Cluster2024::Education,
        Cluster2024::EnergyNaturalResources,
        Cluster2024::FinancialServices,
        Cluster2024::HealthcareHumanServices,
        Cluster2024::HospitalityEventsTourism,
        Cluster2024::ManagementEntrepreneurship,
        Cluster2024::MarketingSales,
        Cluster2024::PublicServiceSafety,
        Cluster2024::SupplyChainTransportation,
    ];

    /// The stored key, also the Fluent id's tail (`cluster-2024-digital_technology`).
    pub fn key(self) -> &'static str {
        match self {
            Cluster2024::AdvancedManufacturing => "advanced_manufacturing",
            Cluster2024::Agriculture => "agriculture",
            Cluster2024::ArtsEntertainmentDesign => "arts_entertainment_design",
            Cluster2024::Construction => "construction",
            Cluster2024::DigitalTechnology => "digital_technology",
            Cluster2024::Education => "education",
            Cluster2024::EnergyNaturalResources => "energy_natural_resources",
            Cluster2024::FinancialServices => "financial_services",
            Cluster2024::HealthcareHumanServices => "healthcare_human_services",
            Cluster2024::HospitalityEventsTourism => "hospitality_events_tourism",
            Cluster2024::ManagementEntrepreneurship => "management_entrepreneurship",
            Cluster2024::MarketingSales => "marketing_sales",
            Cluster2024::PublicServiceSafety => "public_service_safety",
            Cluster2024::SupplyChainTransportation => "supply_chain_transportation",
        }
    }

    /// The English name (pages show the translated `cluster-2024-{key}`).
    pub fn name(self) -> &'static str {
        match self {
            Cluster2024::AdvancedManufacturing => "Advanced Manufacturing",
            Cluster2024::Agriculture => "Agriculture",
            Cluster2024::ArtsEntertainmentDesign => "Arts, Entertainment & Design",
            Cluster2024::Construction => "Construction",
            Cluster2024::DigitalTechnology => "Digital Technology",
            Cluster2024::Education => "Education",
            Cluster2024::EnergyNaturalResources => "Energy & Natural Resources",
            Cluster2024::FinancialServices => "Financial Services",
            Cluster2024::HealthcareHumanServices => "Healthcare & Human Services",
            Cluster2024::HospitalityEventsTourism => "Hospitality, Events & Tourism",
            Cluster2024::ManagementEntrepreneurship => "Management & Entrepreneurship",
            Cluster2024::MarketingSales => "Marketing & Sales",
            Cluster2024::PublicServiceSafety => "Public Service & Safety",
            Cluster2024::SupplyChainTransportation => "Supply Chain & Transportation",
        }
    }

    /// From a key (`digital_technology`, any case).
    pub fn parse(s: &str) -> Result<Self, ParseError> {
        let s = s.trim();
        Self::ALL
            .into_iter()
            .find(|c| c.key().eq_ignore_ascii_case(s))
            .ok_or_else(|| ParseError::new("unknown_cluster", format!("unknown career cluster {s:?}")))
    }
}

/// One line of the crosswalk: every O*NET-SOC code starting with `prefix`
/// maps to this pair, unless a longer prefix also matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CrosswalkRule {
    /// A SOC major group (`29`), minor or broad group (`29-1`, `15-12`),
    /// detailed occupation (`11-9111`) or O*NET-SOC code (`11-3051.02`).
    pub prefix: &'static str,
    pub legacy: LegacyCluster,
    pub cluster_2024: Cluster2024,
}

const fn rule(prefix: &'static str, legacy: LegacyCluster, cluster_2024: Cluster2024) -> CrosswalkRule {
    CrosswalkRule {
        prefix,
        legacy,
        cluster_2024,
    }
}

use Cluster2024 as N;
use LegacyCluster as L;

/// ssp's crosswalk, sorted by prefix; the longest matching prefix wins.
/// Each major group's first line is its default.
pub const CROSSWALK_RULES: &[CrosswalkRule] = &[
    // 11 Management: general management, unless clearly tied to one sector.
    rule("11", L::BusinessManagementAdministration, N::ManagementEntrepreneurship),
    rule("11-1031", L::GovernmentPublicAdministration, N::PublicServiceSafety),
    rule("11-2", L::Marketing, N::MarketingSales),
    rule(
        "11-3013.01",
        L::LawPublicSafetyCorrectionsSecurity,
        N::PublicServiceSafety,
    ),
    rule("11-3021", L::InformationTechnology, N::DigitalTechnology),
    rule("11-3031", L::Finance, N::FinancialServices),
    rule("11-3051", L::Manufacturing, N::AdvancedManufacturing),
    rule("11-3051.02", L::Manufacturing, N::EnergyNaturalResources),
    rule("11-3051.03", L::Manufacturing, N::EnergyNaturalResources),
    rule("11-3051.04", L::Manufacturing, N::EnergyNaturalResources),
    rule("11-3051.06", L::Manufacturing, N::EnergyNaturalResources),
    rule(
        "11-3061",
        L::BusinessManagementAdministration,
        N::SupplyChainTransportation,
    ),
    rule(
        "11-3071",
        L::TransportationDistributionLogistics,
        N::SupplyChainTransportation,
    ),
    rule("11-9013", L::AgricultureFoodNaturalResources, N::Agriculture),
    rule("11-9021", L::ArchitectureConstruction, N::Construction),
    rule("11-9031", L::EducationTraining, N::Education),
    rule("11-9032", L::EducationTraining, N::Education),
    rule("11-9033", L::EducationTraining, N::Education),
    rule("11-9039", L::EducationTraining, N::Education),
    rule("11-9041", L::Stem, N::AdvancedManufacturing),
    rule("11-9041.01", L::Stem, N::EnergyNaturalResources),
    rule("11-9051", L::HospitalityTourism, N::HospitalityEventsTourism),
    rule("11-9071", L::HospitalityTourism, N::HospitalityEventsTourism),
    rule("11-9072", L::HospitalityTourism, N::HospitalityEventsTourism),
    rule("11-9081", L::HospitalityTourism, N::HospitalityEventsTourism),
    rule("11-9111", L::HealthScience, N::HealthcareHumanServices),
    rule("11-9121", L::Stem, N::ManagementEntrepreneurship),
    rule("11-9121.01", L::HealthScience, N::HealthcareHumanServices),
    rule(
        "11-9121.02",
        L::AgricultureFoodNaturalResources,
        N::EnergyNaturalResources,
    ),
    rule(
        "11-9131",
        L::GovernmentPublicAdministration,
        N::SupplyChainTransportation,
    ),
    rule("11-9151", L::HumanServices, N::HealthcareHumanServices),
    rule("11-9161", L::LawPublicSafetyCorrectionsSecurity, N::PublicServiceSafety),
    rule("11-9171", L::HumanServices, N::HealthcareHumanServices),
    rule("11-9179", L::HumanServices, N::HealthcareHumanServices),
    rule(
        "11-9199.08",
        L::LawPublicSafetyCorrectionsSecurity,
        N::PublicServiceSafety,
    ),
    rule(
        "11-9199.09",
        L::BusinessManagementAdministration,
        N::EnergyNaturalResources,
    ),
    rule(
        "11-9199.10",
        L::BusinessManagementAdministration,
        N::EnergyNaturalResources,
    ),
    rule(
        "11-9199.11",
        L::AgricultureFoodNaturalResources,
        N::EnergyNaturalResources,
    ),
    // 13 Business and financial operations.
    rule("13", L::BusinessManagementAdministration, N::ManagementEntrepreneurship),
    rule("13-1011", L::ArtsAvTechnologyCommunications, N::ArtsEntertainmentDesign),
    rule("13-1021", L::AgricultureFoodNaturalResources, N::Agriculture),
    rule("13-1022", L::Marketing, N::MarketingSales),
    rule(
        "13-1023",
        L::BusinessManagementAdministration,
        N::SupplyChainTransportation,
    ),
    rule("13-1031", L::Finance, N::FinancialServices),
    rule("13-1032", L::Finance, N::FinancialServices),
    rule(
        "13-1041.01",
        L::GovernmentPublicAdministration,
        N::EnergyNaturalResources,
    ),
    rule("13-1041.03", L::GovernmentPublicAdministration, N::PublicServiceSafety),
    rule("13-1041.04", L::GovernmentPublicAdministration, N::PublicServiceSafety),
    rule(
        "13-1041.06",
        L::LawPublicSafetyCorrectionsSecurity,
        N::PublicServiceSafety,
    ),
    rule(
        "13-1041.08",
        L::TransportationDistributionLogistics,
        N::SupplyChainTransportation,
    ),
    rule("13-1051", L::ArchitectureConstruction, N::Construction),
    rule("13-1074", L::AgricultureFoodNaturalResources, N::Agriculture),
    rule(
        "13-1081",
        L::TransportationDistributionLogistics,
        N::SupplyChainTransportation,
    ),
    rule("13-1121", L::HospitalityTourism, N::HospitalityEventsTourism),
    rule("13-1131", L::Marketing, N::MarketingSales),
    rule("13-1161", L::Marketing, N::MarketingSales),
    rule(
        "13-1199.05",
        L::BusinessManagementAdministration,
        N::EnergyNaturalResources,
    ),
    rule("13-1199.06", L::Marketing, N::MarketingSales),
    rule(
        "13-1199.07",
        L::LawPublicSafetyCorrectionsSecurity,
        N::PublicServiceSafety,
    ),
    rule("13-2", L::Finance, N::FinancialServices),
    rule("13-2081", L::GovernmentPublicAdministration, N::FinancialServices),
    // 15 Computer and mathematical.
    rule("15", L::InformationTechnology, N::DigitalTechnology),
    rule("15-1211.01", L::HealthScience, N::DigitalTechnology),
    rule("15-2", L::Stem, N::DigitalTechnology),
    rule("15-2011", L::Finance, N::FinancialServices),
    rule("15-2041.01", L::Stem, N::HealthcareHumanServices),
    rule("15-2051.02", L::HealthScience, N::HealthcareHumanServices),
    rule("15-2099.01", L::Stem, N::HealthcareHumanServices),
    // 17 Architecture and engineering.
    rule("17", L::Stem, N::AdvancedManufacturing),
    rule("17-1", L::ArchitectureConstruction, N::Construction),
    rule("17-2021", L::AgricultureFoodNaturalResources, N::Agriculture),
    rule("17-2031", L::Stem, N::HealthcareHumanServices),
    rule("17-2051", L::Stem, N::Construction),
    rule("17-2051.02", L::Stem, N::EnergyNaturalResources),
    rule("17-2061", L::Stem, N::DigitalTechnology),
    rule("17-2081", L::Stem, N::EnergyNaturalResources),
    rule("17-2111.02", L::Stem, N::Construction),
    rule("17-2141.01", L::Stem, N::EnergyNaturalResources),
    rule("17-2151", L::Stem, N::EnergyNaturalResources),
    rule("17-2161", L::Stem, N::EnergyNaturalResources),
    rule("17-2171", L::Stem, N::EnergyNaturalResources),
    rule("17-2199.03", L::Stem, N::EnergyNaturalResources),
    rule("17-2199.10", L::Stem, N::EnergyNaturalResources),
    rule("17-2199.11", L::Stem, N::EnergyNaturalResources),
    rule("17-3011", L::ArchitectureConstruction, N::Construction),
    rule("17-3022", L::Stem, N::Construction),
    rule("17-3025", L::Stem, N::EnergyNaturalResources),
    rule("17-3031", L::ArchitectureConstruction, N::Construction),
    // 19 Life, physical and social science.
    rule("19", L::Stem, N::HealthcareHumanServices),
    rule("19-101", L::AgricultureFoodNaturalResources, N::Agriculture),
    rule("19-1023", L::AgricultureFoodNaturalResources, N::EnergyNaturalResources),
    rule("19-103", L::AgricultureFoodNaturalResources, N::EnergyNaturalResources),
    rule("19-104", L::HealthScience, N::HealthcareHumanServices),
    rule("19-2", L::Stem, N::EnergyNaturalResources),
    rule("19-2011", L::Stem, N::AdvancedManufacturing),
    rule("19-2012", L::Stem, N::AdvancedManufacturing),
    rule("19-2031", L::Stem, N::AdvancedManufacturing),
    rule("19-2032", L::Stem, N::AdvancedManufacturing),
    rule("19-3", L::Stem, N::Education),
    rule("19-3011", L::Stem, N::FinancialServices),
    rule("19-3011.01", L::Stem, N::EnergyNaturalResources),
    rule("19-3022", L::Marketing, N::MarketingSales),
    rule(
        "19-3032",
        L::BusinessManagementAdministration,
        N::ManagementEntrepreneurship,
    ),
    rule("19-3033", L::HumanServices, N::HealthcareHumanServices),
    rule("19-3034", L::EducationTraining, N::Education),
    rule("19-3039", L::HumanServices, N::HealthcareHumanServices),
    rule("19-3051", L::GovernmentPublicAdministration, N::PublicServiceSafety),
    rule("19-3094", L::GovernmentPublicAdministration, N::PublicServiceSafety),
    rule(
        "19-3099.01",
        L::TransportationDistributionLogistics,
        N::SupplyChainTransportation,
    ),
    rule("19-4", L::Stem, N::AdvancedManufacturing),
    rule("19-4012", L::AgricultureFoodNaturalResources, N::Agriculture),
    rule("19-4013", L::AgricultureFoodNaturalResources, N::Agriculture),
    rule("19-4021", L::Stem, N::HealthcareHumanServices),
    rule("19-4042", L::AgricultureFoodNaturalResources, N::EnergyNaturalResources),
    rule("19-4043", L::Stem, N::EnergyNaturalResources),
    rule("19-4044", L::AgricultureFoodNaturalResources, N::EnergyNaturalResources),
    rule("19-4051", L::Stem, N::EnergyNaturalResources),
    rule("19-4061", L::Stem, N::Education),
    rule("19-4071", L::AgricultureFoodNaturalResources, N::EnergyNaturalResources),
    rule("19-4092", L::LawPublicSafetyCorrectionsSecurity, N::PublicServiceSafety),
    rule("19-4099.01", L::Manufacturing, N::AdvancedManufacturing),
    rule("19-4099.03", L::Stem, N::EnergyNaturalResources),
    rule("19-5", L::Manufacturing, N::AdvancedManufacturing),
    // 21 Community and social service.
    rule("21", L::HumanServices, N::HealthcareHumanServices),
    rule("21-1012", L::EducationTraining, N::Education),
    rule("21-1091", L::HealthScience, N::HealthcareHumanServices),
    rule("21-1092", L::LawPublicSafetyCorrectionsSecurity, N::PublicServiceSafety),
    rule("21-1094", L::HealthScience, N::HealthcareHumanServices),
    // 23 Legal.
    rule("23", L::LawPublicSafetyCorrectionsSecurity, N::PublicServiceSafety),
    // 25 Educational instruction and library.
    rule("25", L::EducationTraining, N::Education),
    rule("25-4012", L::ArtsAvTechnologyCommunications, N::ArtsEntertainmentDesign),
    rule("25-4013", L::ArtsAvTechnologyCommunications, N::ArtsEntertainmentDesign),
    // 27 Arts, design, entertainment, sports and media.
    rule("27", L::ArtsAvTechnologyCommunications, N::ArtsEntertainmentDesign),
    rule("27-2022", L::EducationTraining, N::Education),
    rule("27-3031", L::Marketing, N::MarketingSales),
    rule("27-3092", L::LawPublicSafetyCorrectionsSecurity, N::PublicServiceSafety),
    // 29 Healthcare practitioners and technical.
    rule("29", L::HealthScience, N::HealthcareHumanServices),
    rule("29-1131", L::AgricultureFoodNaturalResources, N::Agriculture),
    rule("29-2056", L::AgricultureFoodNaturalResources, N::Agriculture),
    // 31 Healthcare support.
    rule("31", L::HealthScience, N::HealthcareHumanServices),
    rule("31-9096", L::AgricultureFoodNaturalResources, N::Agriculture),
    // 33 Protective service.
    rule("33", L::LawPublicSafetyCorrectionsSecurity, N::PublicServiceSafety),
    // 35 Food preparation and serving.
    rule("35", L::HospitalityTourism, N::HospitalityEventsTourism),
    // 37 Building and grounds cleaning and maintenance.
    rule("37", L::ArchitectureConstruction, N::Construction),
    rule("37-1012", L::AgricultureFoodNaturalResources, N::Agriculture),
    rule("37-2012", L::HospitalityTourism, N::HospitalityEventsTourism),
    rule("37-3", L::AgricultureFoodNaturalResources, N::Agriculture),
    // 39 Personal care and service.
    rule("39", L::HumanServices, N::HealthcareHumanServices),
    rule("39-1013", L::HospitalityTourism, N::HospitalityEventsTourism),
    rule("39-1014", L::HospitalityTourism, N::HospitalityEventsTourism),
    rule("39-2", L::AgricultureFoodNaturalResources, N::Agriculture),
    rule("39-3", L::HospitalityTourism, N::HospitalityEventsTourism),
    rule("39-3092", L::ArtsAvTechnologyCommunications, N::ArtsEntertainmentDesign),
    rule("39-5091", L::ArtsAvTechnologyCommunications, N::ArtsEntertainmentDesign),
    rule("39-6", L::HospitalityTourism, N::HospitalityEventsTourism),
    rule("39-7", L::HospitalityTourism, N::HospitalityEventsTourism),
    rule("39-9011", L::HumanServices, N::Education),
    rule("39-9032", L::HospitalityTourism, N::HospitalityEventsTourism),
    // 41 Sales.
    rule("41", L::Marketing, N::MarketingSales),
    rule("41-2012", L::HospitalityTourism, N::HospitalityEventsTourism),
    rule("41-3021", L::Finance, N::FinancialServices),
    rule("41-3031", L::Finance, N::FinancialServices),
    rule("41-3041", L::HospitalityTourism, N::HospitalityEventsTourism),
    // 43 Office and administrative support.
    rule("43", L::BusinessManagementAdministration, N::ManagementEntrepreneurship),
    rule("43-3", L::Finance, N::FinancialServices),
    rule(
        "43-3061",
        L::BusinessManagementAdministration,
        N::SupplyChainTransportation,
    ),
    rule("43-4011", L::Finance, N::FinancialServices),
    rule("43-4031", L::GovernmentPublicAdministration, N::PublicServiceSafety),
    rule("43-4041", L::Finance, N::FinancialServices),
    rule("43-4061", L::GovernmentPublicAdministration, N::PublicServiceSafety),
    rule("43-4081", L::HospitalityTourism, N::HospitalityEventsTourism),
    rule("43-4121", L::EducationTraining, N::Education),
    rule("43-4131", L::Finance, N::FinancialServices),
    rule("43-4141", L::Finance, N::FinancialServices),
    rule("43-4181", L::HospitalityTourism, N::HospitalityEventsTourism),
    rule(
        "43-5",
        L::TransportationDistributionLogistics,
        N::SupplyChainTransportation,
    ),
    rule("43-5031", L::LawPublicSafetyCorrectionsSecurity, N::PublicServiceSafety),
    rule(
        "43-5041",
        L::BusinessManagementAdministration,
        N::EnergyNaturalResources,
    ),
    rule("43-5061", L::Manufacturing, N::AdvancedManufacturing),
    rule("43-6012", L::LawPublicSafetyCorrectionsSecurity, N::PublicServiceSafety),
    rule("43-6013", L::HealthScience, N::HealthcareHumanServices),
    rule("43-9031", L::ArtsAvTechnologyCommunications, N::ArtsEntertainmentDesign),
    rule("43-9041", L::Finance, N::FinancialServices),
    // 45 Farming, fishing and forestry.
    rule("45", L::AgricultureFoodNaturalResources, N::Agriculture),
    rule("45-4", L::AgricultureFoodNaturalResources, N::EnergyNaturalResources),
    // 47 Construction and extraction.
    rule("47", L::ArchitectureConstruction, N::Construction),
    rule("47-1011.03", L::ArchitectureConstruction, N::EnergyNaturalResources),
    rule("47-2152.04", L::ArchitectureConstruction, N::EnergyNaturalResources),
    rule("47-2231", L::ArchitectureConstruction, N::EnergyNaturalResources),
    rule("47-4011.01", L::ArchitectureConstruction, N::EnergyNaturalResources),
    rule("47-5", L::AgricultureFoodNaturalResources, N::EnergyNaturalResources),
    // 49 Installation, maintenance and repair.
    rule("49", L::Manufacturing, N::AdvancedManufacturing),
    rule("49-2011", L::InformationTechnology, N::DigitalTechnology),
    rule("49-2021", L::InformationTechnology, N::DigitalTechnology),
    rule("49-2022", L::InformationTechnology, N::DigitalTechnology),
    rule(
        "49-2091",
        L::TransportationDistributionLogistics,
        N::SupplyChainTransportation,
    ),
    rule(
        "49-2093",
        L::TransportationDistributionLogistics,
        N::SupplyChainTransportation,
    ),
    rule("49-2095", L::Manufacturing, N::EnergyNaturalResources),
    rule(
        "49-2096",
        L::TransportationDistributionLogistics,
        N::SupplyChainTransportation,
    ),
    rule("49-2097", L::ArtsAvTechnologyCommunications, N::ArtsEntertainmentDesign),
    rule("49-2098", L::ArchitectureConstruction, N::Construction),
    rule(
        "49-3",
        L::TransportationDistributionLogistics,
        N::SupplyChainTransportation,
    ),
    rule("49-9011", L::ArchitectureConstruction, N::Construction),
    rule("49-9021", L::ArchitectureConstruction, N::Construction),
    rule("49-9051", L::ArchitectureConstruction, N::EnergyNaturalResources),
    rule("49-9052", L::InformationTechnology, N::DigitalTechnology),
    rule("49-9062", L::HealthScience, N::HealthcareHumanServices),
    rule("49-9071", L::ArchitectureConstruction, N::Construction),
    rule("49-9081", L::Manufacturing, N::EnergyNaturalResources),
    rule("49-9095", L::ArchitectureConstruction, N::Construction),
    rule(
        "49-9097",
        L::TransportationDistributionLogistics,
        N::SupplyChainTransportation,
    ),
    rule("49-9099.01", L::Manufacturing, N::EnergyNaturalResources),
    // 51 Production.
    rule("51", L::Manufacturing, N::AdvancedManufacturing),
    rule("51-3", L::AgricultureFoodNaturalResources, N::Agriculture),
    rule("51-5", L::ArtsAvTechnologyCommunications, N::AdvancedManufacturing),
    rule("51-8", L::Manufacturing, N::EnergyNaturalResources),
    rule("51-8031", L::AgricultureFoodNaturalResources, N::EnergyNaturalResources),
    rule("51-8091", L::Manufacturing, N::AdvancedManufacturing),
    // 53 Transportation and material moving.
    rule(
        "53",
        L::TransportationDistributionLogistics,
        N::SupplyChainTransportation,
    ),
    rule("53-7071", L::AgricultureFoodNaturalResources, N::EnergyNaturalResources),
    rule("53-7073", L::AgricultureFoodNaturalResources, N::EnergyNaturalResources),
    // 55 Military specific.
    rule("55", L::GovernmentPublicAdministration, N::PublicServiceSafety),
];

/// Whether `code` is an O*NET-SOC code (`15-1252.00`) or a SOC detailed code
/// (`15-1252`): two digits, a hyphen, four digits, optionally `.` and two digits.
pub fn is_onet_soc_code(code: &str) -> bool {
    let b = code.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    match b.len() {
        7 => digits(0..2) && b[2] == b'-' && digits(3..7),
        10 => digits(0..2) && b[2] == b'-' && digits(3..7) && b[7] == b'.' && digits(8..10),
        _ => false,
    }
}

/// The crosswalk rule that decides `onet_soc_code` (the longest matching
/// prefix), or `None` for a malformed code or an unknown major group.
pub fn crosswalk_rule(onet_soc_code: &str) -> Option<&'static CrosswalkRule> {
    let code = onet_soc_code.trim();
    if !is_onet_soc_code(code) {
        return None;
    }
    CROSSWALK_RULES
        .iter()
        .filter(|r| code.starts_with(r.prefix))
        .max_by_key(|r| r.prefix.len())
}

/// The legacy and 2024 clusters of an O*NET-SOC code (`29-1141.00`, or the
/// SOC code `29-1141`); `None` only for a malformed code or a major group
/// outside SOC 11–55.
pub fn crosswalk(onet_soc_code: &str) -> Option<(LegacyCluster, Cluster2024)> {
    crosswalk_rule(onet_soc_code).map(|r| (r.legacy, r.cluster_2024))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn cluster_keys_parse_back_and_are_unique() {
        for c in LegacyCluster::ALL {
            assert_eq!(LegacyCluster::parse(c.key()), Ok(c));
            assert_eq!(LegacyCluster::parse(&c.key().to_uppercase()), Ok(c));
        }
        for c in Cluster2024::ALL {
            assert_eq!(Cluster2024::parse(c.key()), Ok(c));
        }
        assert_eq!(
            LegacyCluster::ALL
                .map(LegacyCluster::key)
                .iter()
                .collect::<HashSet<_>>()
                .len(),
            16
        );
        assert_eq!(
            Cluster2024::ALL
                .map(Cluster2024::key)
                .iter()
                .collect::<HashSet<_>>()
                .len(),
            14
        );
        assert_eq!(LegacyCluster::parse("health").unwrap_err().code, "unknown_cluster");
        assert_eq!(Cluster2024::parse("stem").unwrap_err().code, "unknown_cluster");
    }

    #[test]
    fn cluster_all_lists_follow_declaration_order() {
        assert!(LegacyCluster::ALL.windows(2).all(|w| w[0] < w[1]));
        assert!(Cluster2024::ALL.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn cluster_rules_are_sorted_unique_and_well_formed() {
        let prefixes: Vec<_> = CROSSWALK_RULES.iter().map(|r| r.prefix).collect();
        assert!(prefixes.windows(2).all(|w| w[0] < w[1]), "rules sorted, no repeats");
        for p in prefixes {
            // A prefix is the start of some well-formed code.
            let padded = format!("{p}{}", &"00-0000.00"[p.len()..]);
            assert!(is_onet_soc_code(&padded), "{p}");
            // Each refinement sits under a major-group default.
            assert!(
                CROSSWALK_RULES.iter().any(|r| r.prefix == &p[..2]),
                "{p} has no major group"
            );
        }
    }

    #[test]
    fn cluster_every_major_group_onet_uses_maps() {
        for major in [
            11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 33, 35, 37, 39, 41, 43, 45, 47, 49, 51, 53, 55,
        ] {
            assert!(crosswalk(&format!("{major}-9999.00")).is_some(), "{major}");
            assert!(crosswalk(&format!("{major}-0000")).is_some(), "{major}");
        }
    }

    #[test]
    fn cluster_malformed_codes_do_not_map() {
        for code in [
            "",
            "29",
            "29-1141.0",
            "291141.00",
            "29-1141-00",
            "29-11a1.00",
            "29-1141.000",
            "10-1011.00",
            "99-1011.00",
        ] {
            assert_eq!(crosswalk(code), None, "{code:?}");
        }
        assert!(crosswalk(" 29-1141.00 ").is_some(), "surrounding spaces are ignored");
    }

    use Cluster2024 as N;
    use LegacyCluster as L;

    /// Representative occupations with the pair a counselor would expect.
    const EXPECTED: &[(&str, LegacyCluster, Cluster2024, &str)] = &[
        (
            "11-1011.00",
            L::BusinessManagementAdministration,
            N::ManagementEntrepreneurship,
            "chief executives",
        ),
        ("11-2021.00", L::Marketing, N::MarketingSales, "marketing managers"),
        ("11-3031.00", L::Finance, N::FinancialServices, "financial managers"),
        (
            "11-3051.00",
            L::Manufacturing,
            N::AdvancedManufacturing,
            "industrial production managers",
        ),
        (
            "11-3051.06",
            L::Manufacturing,
            N::EnergyNaturalResources,
            "hydroelectric production managers",
        ),
        (
            "11-3071.04",
            L::TransportationDistributionLogistics,
            N::SupplyChainTransportation,
            "supply chain managers",
        ),
        (
            "11-9013.00",
            L::AgricultureFoodNaturalResources,
            N::Agriculture,
            "farmers and ranchers",
        ),
        (
            "11-9021.00",
            L::ArchitectureConstruction,
            N::Construction,
            "construction managers",
        ),
        ("11-9032.00", L::EducationTraining, N::Education, "K-12 administrators"),
        (
            "11-9081.00",
            L::HospitalityTourism,
            N::HospitalityEventsTourism,
            "lodging managers",
        ),
        (
            "11-9111.00",
            L::HealthScience,
            N::HealthcareHumanServices,
            "medical and health services managers",
        ),
        (
            "13-1121.00",
            L::HospitalityTourism,
            N::HospitalityEventsTourism,
            "event planners",
        ),
        ("13-2011.00", L::Finance, N::FinancialServices, "accountants"),
        (
            "13-1071.00",
            L::BusinessManagementAdministration,
            N::ManagementEntrepreneurship,
            "HR specialists",
        ),
        (
            "15-1252.00",
            L::InformationTechnology,
            N::DigitalTechnology,
            "software developers",
        ),
        (
            "15-1212.00",
            L::InformationTechnology,
            N::DigitalTechnology,
            "information security analysts",
        ),
        ("15-2051.00", L::Stem, N::DigitalTechnology, "data scientists"),
        ("17-1011.00", L::ArchitectureConstruction, N::Construction, "architects"),
        ("17-2051.00", L::Stem, N::Construction, "civil engineers"),
        ("17-2141.00", L::Stem, N::AdvancedManufacturing, "mechanical engineers"),
        (
            "17-2199.11",
            L::Stem,
            N::EnergyNaturalResources,
            "solar energy systems engineers",
        ),
        (
            "19-1012.00",
            L::AgricultureFoodNaturalResources,
            N::Agriculture,
            "food scientists",
        ),
        (
            "19-1031.00",
            L::AgricultureFoodNaturalResources,
            N::EnergyNaturalResources,
            "conservation scientists",
        ),
        ("19-2031.00", L::Stem, N::AdvancedManufacturing, "chemists"),
        ("19-2042.00", L::Stem, N::EnergyNaturalResources, "geoscientists"),
        ("21-1012.00", L::EducationTraining, N::Education, "school counselors"),
        (
            "21-1021.00",
            L::HumanServices,
            N::HealthcareHumanServices,
            "child, family and school social workers",
        ),
        (
            "23-1011.00",
            L::LawPublicSafetyCorrectionsSecurity,
            N::PublicServiceSafety,
            "lawyers",
        ),
        (
            "25-2031.00",
            L::EducationTraining,
            N::Education,
            "secondary school teachers",
        ),
        (
            "27-1024.00",
            L::ArtsAvTechnologyCommunications,
            N::ArtsEntertainmentDesign,
            "graphic designers",
        ),
        (
            "27-3031.00",
            L::Marketing,
            N::MarketingSales,
            "public relations specialists",
        ),
        (
            "29-1141.00",
            L::HealthScience,
            N::HealthcareHumanServices,
            "registered nurses",
        ),
        (
            "29-1131.00",
            L::AgricultureFoodNaturalResources,
            N::Agriculture,
            "veterinarians",
        ),
        (
            "31-9092.00",
            L::HealthScience,
            N::HealthcareHumanServices,
            "medical assistants",
        ),
        (
            "33-2011.00",
            L::LawPublicSafetyCorrectionsSecurity,
            N::PublicServiceSafety,
            "firefighters",
        ),
        (
            "35-1011.00",
            L::HospitalityTourism,
            N::HospitalityEventsTourism,
            "chefs",
        ),
        (
            "37-3011.00",
            L::AgricultureFoodNaturalResources,
            N::Agriculture,
            "landscaping workers",
        ),
        (
            "39-5012.00",
            L::HumanServices,
            N::HealthcareHumanServices,
            "hairstylists",
        ),
        ("39-9011.00", L::HumanServices, N::Education, "childcare workers"),
        ("41-2031.00", L::Marketing, N::MarketingSales, "retail salespersons"),
        ("41-3021.00", L::Finance, N::FinancialServices, "insurance sales agents"),
        ("43-3071.00", L::Finance, N::FinancialServices, "tellers"),
        (
            "43-6014.00",
            L::BusinessManagementAdministration,
            N::ManagementEntrepreneurship,
            "secretaries",
        ),
        (
            "43-4031.00",
            L::GovernmentPublicAdministration,
            N::PublicServiceSafety,
            "court clerks",
        ),
        (
            "45-2092.00",
            L::AgricultureFoodNaturalResources,
            N::Agriculture,
            "crop farmworkers",
        ),
        ("47-2031.00", L::ArchitectureConstruction, N::Construction, "carpenters"),
        (
            "47-2111.00",
            L::ArchitectureConstruction,
            N::Construction,
            "electricians",
        ),
        (
            "47-5071.00",
            L::AgricultureFoodNaturalResources,
            N::EnergyNaturalResources,
            "roustabouts",
        ),
        (
            "49-3023.00",
            L::TransportationDistributionLogistics,
            N::SupplyChainTransportation,
            "auto technicians",
        ),
        (
            "49-9021.00",
            L::ArchitectureConstruction,
            N::Construction,
            "HVAC mechanics",
        ),
        (
            "49-9041.00",
            L::Manufacturing,
            N::AdvancedManufacturing,
            "industrial machinery mechanics",
        ),
        (
            "49-9051.00",
            L::ArchitectureConstruction,
            N::EnergyNaturalResources,
            "power-line installers",
        ),
        ("51-4121.00", L::Manufacturing, N::AdvancedManufacturing, "welders"),
        (
            "51-8013.00",
            L::Manufacturing,
            N::EnergyNaturalResources,
            "power plant operators",
        ),
        (
            "53-2011.00",
            L::TransportationDistributionLogistics,
            N::SupplyChainTransportation,
            "airline pilots",
        ),
        (
            "53-3032.00",
            L::TransportationDistributionLogistics,
            N::SupplyChainTransportation,
            "truck drivers",
        ),
        (
            "55-3016.00",
            L::GovernmentPublicAdministration,
            N::PublicServiceSafety,
            "infantry",
        ),
        (
            "15-1252",
            L::InformationTechnology,
            N::DigitalTechnology,
            "SOC code without the O*NET suffix",
        ),
    ];

    #[test]
    fn cluster_representative_codes_map_as_expected() {
        for &(code, legacy, cluster_2024, title) in EXPECTED {
            assert_eq!(crosswalk(code), Some((legacy, cluster_2024)), "{code} {title}");
        }
    }

    #[test]
    fn cluster_every_cluster_is_reached() {
        let legacy: HashSet<_> = EXPECTED.iter().map(|e| e.1).collect();
        let new: HashSet<_> = EXPECTED.iter().map(|e| e.2).collect();
        for c in LegacyCluster::ALL {
            assert!(legacy.contains(&c), "no representative code for {c:?}");
        }
        for c in Cluster2024::ALL {
            assert!(new.contains(&c), "no representative code for {c:?}");
        }
    }

    #[test]
    fn cluster_rule_is_the_longest_prefix() {
        assert_eq!(crosswalk_rule("11-3051.02").unwrap().prefix, "11-3051.02");
        assert_eq!(crosswalk_rule("11-3051.01").unwrap().prefix, "11-3051");
        assert_eq!(crosswalk_rule("11-3012.00").unwrap().prefix, "11");
        assert_eq!(crosswalk_rule("29-2061.00").unwrap().prefix, "29");
    }
}
